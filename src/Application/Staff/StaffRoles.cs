namespace Moment.Application.Staff;

/// <summary>The roles of PRODUCT.md's "Who uses it". A user may hold several.</summary>
public static class StaffRoles
{
    public const string Administrator = nameof(Administrator);
    public const string Manager = nameof(Manager);
    public const string TeamLead = nameof(TeamLead);
    public const string Agent = nameof(Agent);
    public const string Frontline = nameof(Frontline);

    /// <summary>Board and leadership: read-only access to the accountability report.</summary>
    public const string Leadership = nameof(Leadership);

    public static IReadOnlyList<string> All { get; } = [Administrator, Manager, TeamLead, Agent, Frontline, Leadership];

    /// <summary>
    /// The roles that serve customers: they work cases and see customers' phone numbers, email addresses and postal
    /// address. Frontline staff find the customer on a phone-sized page (PRODUCT.md), so they are among them; leadership
    /// reads cases and reports and sees customers by name only.
    /// </summary>
    public static IReadOnlyList<string> ServingCustomers { get; } = [Administrator, Manager, TeamLead, Agent, Frontline];

    /// <summary>Those who lead: a team lead their own team, managers and administrators every team.</summary>
    public static IReadOnlyList<string> Leading { get; } = [TeamLead, Manager, Administrator];

    /// <summary>Those who stand above every team: they act on any team's cases and promises.</summary>
    public static IReadOnlyList<string> ManagingAll { get; } = [Manager, Administrator];

    /// <summary>Those who read the accountability report and the staffing plans without working cases.</summary>
    public static IReadOnlyList<string> Overseeing { get; } = [Leadership, TeamLead, Manager, Administrator];

    /// <summary>Whether someone with these roles may hold work: own a case, keep a promise, stand in, receive a hand-off.</summary>
    public static bool WorkCases(IEnumerable<string> roles) => roles.Any(role => ServingCustomers.Contains(role, StringComparer.Ordinal));

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
