using Moment.Application.Staff;

namespace Moment.Application.Demo;

/// <summary>A demo member of staff; <paramref name="Extension"/> is their extension on the demo PBX (the phone team has them).</summary>
public sealed record DemoAccount(string DisplayName, string Email, string Role, string? Team, string? Extension = null);

/// <summary>
/// The demo operator's staff. One password for all, documented in the README and on the start page,
/// and only ever created when demo mode is on (never in production mode).
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Moment-demo-2026";

    public const string Phone = "Phone";
    public const string Chat = "Chat";
    public const string Shops = "Shops";
    public const string Onboard = "Onboard";
    public const string BusinessCustomers = "Business customers";

    public static IReadOnlyList<string> Teams { get; } = [Phone, Chat, Shops, Onboard, BusinessCustomers];

    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("Astrid Lind", "astrid.lind@moment.test", StaffRoles.Administrator, null),
        new("Maria Berg", "maria.berg@moment.test", StaffRoles.Manager, null),
        new("Henrik Falk", "henrik.falk@moment.test", StaffRoles.Manager, null),
        new("Johan Ek", "johan.ek@moment.test", StaffRoles.TeamLead, Phone, "200"),
        new("Nora Vik", "nora.vik@moment.test", StaffRoles.TeamLead, Chat),
        new("Ali Karim", "ali.karim@moment.test", StaffRoles.TeamLead, Shops),
        new("Eva Sund", "eva.sund@moment.test", StaffRoles.TeamLead, Onboard),
        new("Lars Borg", "lars.borg@moment.test", StaffRoles.TeamLead, BusinessCustomers),
        new("Sara Holm", "sara.holm@moment.test", StaffRoles.Agent, Phone, "201"),
        new("Erik Sjö", "erik.sjo@moment.test", StaffRoles.Agent, Phone, "202"),
        new("Lina Ström", "lina.strom@moment.test", StaffRoles.Agent, Chat),
        new("Kim Åberg", "kim.aberg@moment.test", StaffRoles.Agent, BusinessCustomers),
        new("Omar Said", "omar.said@moment.test", StaffRoles.Frontline, Shops),
        new("Karin Nord", "karin.nord@moment.test", StaffRoles.Frontline, Onboard),
        new("Per Dahl", "per.dahl@moment.test", StaffRoles.Leadership, null),
    ];

    /// <summary>Who answers for each team: team lead (escalations) and responsible manager (the manager takes the call).</summary>
    public static IReadOnlyDictionary<string, (string TeamLead, string Manager)> Leadership { get; } =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            [Phone] = ("johan.ek@moment.test", "maria.berg@moment.test"),
            [Chat] = ("nora.vik@moment.test", "maria.berg@moment.test"),
            [Shops] = ("ali.karim@moment.test", "henrik.falk@moment.test"),
            [Onboard] = ("eva.sund@moment.test", "henrik.falk@moment.test"),
            [BusinessCustomers] = ("lars.borg@moment.test", "maria.berg@moment.test"),
        };
}
