namespace Moment.Application.Staff;

/// <summary>
/// Who is acting, as the rules need to know them: their id, team and roles (later their mandate, how they were verified,
/// on whose behalf). Every use case that changes something takes one, and decides there, in Application, whether this
/// person may; the web's policies stay as the first gate.
/// </summary>
public sealed record Actor(Guid Id, Guid? TeamId, IReadOnlyList<string> Roles)
{
    public static Actor Of(StaffCard card) => new(card.Id, card.TeamId, card.Roles);

    public bool Is(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>Managers and administrators act on every team's cases.</summary>
    public bool ManagesAll => StaffRoles.ManagingAll.Any(Is);

    /// <summary>The team lead of this team (or a manager or administrator, who stand above every team).</summary>
    public bool Leads(Guid? teamId) => ManagesAll || (Is(StaffRoles.TeamLead) && teamId is not null && teamId == TeamId);

    /// <summary>A team lead of some team, a manager or an administrator.</summary>
    public bool IsLeading => StaffRoles.Leading.Any(Is);

    /// <summary>Whether they serve customers (<see cref="StaffRoles.ServingCustomers"/>): work cases, see contact details.</summary>
    public bool ServesCustomers => StaffRoles.ServingCustomers.Any(Is);
}
