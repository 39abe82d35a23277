using Moment.Application.Staff;
using Moment.Domain;

namespace Moment.Application.KnownIssues;

/// <summary>
/// Who may do what with known issues, decided once. Registering, revising and marking one fixed is a permission of the
/// leading roles (team lead, manager, administrator): product and IT people who answer for a fault are given the team
/// lead role of their team, so no new role is needed and every page and endpoint keeps one table of roles. Everyone reads
/// known issues; whoever serves customers links a case to one.
/// </summary>
public static class KnownIssueRules
{
    public static bool MayRegister(Actor actor) => actor.IsLeading;

    public static void RequireRegister(Actor actor)
    {
        if (!MayRegister(actor))
            throw new ForbiddenException("Only a team lead, a manager or an administrator registers and changes known issues.");
    }
}
