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

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
