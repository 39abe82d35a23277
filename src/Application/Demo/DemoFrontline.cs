using Moment.Application.Staff;
using Moment.Domain.KnownIssues;
using Moment.Domain.Mandates;

namespace Moment.Application.Demo;

/// <summary>
/// Story 1 at the front: the booking app's known bug, and mandates per role, so that the host on the train knows of the
/// bug and may put things right on the spot (a goodwill voucher within her limit).
/// </summary>
internal static class DemoFrontline
{
    public static KnownIssue BookingAppIssue(Guid registeredById, DateTimeOffset now) => KnownIssue.Register(new KnownIssueText(
        "Bokningsappen stänger sig vid platsval på Android 14",
        "Bokningsappen",
        "Appen stänger sig när resenären väljer plats. Android 14, sedan uppdateringen i oktober.",
        "Boka plats på webben (sj.example/boka) eller i biljettautomaten; platsen syns sedan i appen.",
        KnownIssueStatus.Workaround,
        DateOnly.FromDateTime(now.UtcDateTime).AddDays(21),
        "Bokningsappen kan stänga sig när du väljer plats på Android 14. Boka plats på webben så länge; vi rättar felet."), registeredById, now);

    /// <summary>Kronor per case and per month, per role: the front may do something, leads more, managers most.</summary>
    public static IEnumerable<AuthorityLimit> Limits(Guid setById, DateTimeOffset now)
    {
        (string Role, MandateKind Kind, int PerCase, int PerMonth)[] limits =
        [
            (StaffRoles.Frontline, MandateKind.GoodwillCompensation, 500, 5_000),
            (StaffRoles.Frontline, MandateKind.FeeWaiver, 300, 3_000),
            (StaffRoles.Agent, MandateKind.GoodwillCompensation, 1_000, 10_000),
            (StaffRoles.Agent, MandateKind.Refund, 2_000, 20_000),
            (StaffRoles.Agent, MandateKind.FeeWaiver, 500, 5_000),
            (StaffRoles.TeamLead, MandateKind.GoodwillCompensation, 5_000, 50_000),
            (StaffRoles.TeamLead, MandateKind.Refund, 10_000, 100_000),
            (StaffRoles.TeamLead, MandateKind.FeeWaiver, 5_000, 50_000),
            (StaffRoles.TeamLead, MandateKind.ReplacementProduct, 10_000, 100_000),
            (StaffRoles.TeamLead, MandateKind.TechnicianVisit, 5_000, 50_000),
            (StaffRoles.Manager, MandateKind.GoodwillCompensation, 25_000, 250_000),
            (StaffRoles.Manager, MandateKind.Refund, 50_000, 500_000),
            (StaffRoles.Manager, MandateKind.FeeWaiver, 25_000, 250_000),
            (StaffRoles.Manager, MandateKind.ReplacementProduct, 50_000, 500_000),
            (StaffRoles.Manager, MandateKind.TechnicianVisit, 25_000, 250_000),
            (StaffRoles.Manager, MandateKind.FreeForm, 10_000, 100_000),
        ];
        return limits.Select(l => AuthorityLimit.ForRole(l.Role, l.Kind, l.PerCase, l.PerMonth, setById, now));
    }
}
