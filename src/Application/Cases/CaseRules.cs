using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>
/// Who may do what with a case, asked by the use cases (which refuse) and by the pages (which show only what the
/// reader may do), so that the two never disagree. Every door opens every case: anyone who serves customers reads any
/// case and records a contact, an internal note or the customer's answer on it. Changing the case itself (a public
/// reply, a link, an edit of its details) is for its owner, its team's lead, a manager or an administrator. Leadership
/// reads and never acts.
/// </summary>
public static class CaseRules
{
    /// <summary>Record a contact, an internal note, the customer's answer, a manager request or consent; register a case.</summary>
    public static bool MayWork(Actor actor) => actor.ServesCustomers;

    /// <summary>
    /// A public reply, a link to an earlier case, an edit of the subject, type, priority or team: the owner, the case's
    /// team lead, a manager or an administrator. Not every member of the team: the subject is what the customer reads on
    /// their page, and the priority and the team decide whose work it is, so the one who answers for the case decides.
    /// </summary>
    public static bool MayChange(Actor actor, Guid ownerId, Guid? caseTeamId) =>
        MayWork(actor) && (actor.Id == ownerId || actor.Leads(caseTeamId));

    /// <summary>Hand-offs and the proposed resolution stay the owner's own (the case's lead reassigns instead).</summary>
    public static bool MayActAsOwner(Actor actor, Guid ownerId) => MayWork(actor) && actor.Id == ownerId;

    /// <summary>The case's team lead, a manager or an administrator.</summary>
    public static bool MayReassign(Actor actor, Guid? caseTeamId) => actor.Leads(caseTeamId);

    /// <summary>
    /// One action on many cases at once (<see cref="ActOnCases"/>) is for those who lead: team leads, managers and
    /// administrators. Each case is then asked by the rule its action has for one case.
    /// </summary>
    public static bool MayActInBulk(Actor actor) => MayWork(actor) && actor.IsLeading;

    public static void RequireWork(Actor actor)
    {
        if (!MayWork(actor))
            throw new ForbiddenException("Only staff who serve customers can work cases.");
    }

    public static void RequireActInBulk(Actor actor)
    {
        if (!MayActInBulk(actor))
            throw new ForbiddenException("Only team leads, managers and administrators act on many cases at once.");
    }

    public static void RequireChange(Actor actor, Case @case)
    {
        if (!MayChange(actor, @case.OwnerId, @case.TeamId))
            throw new ForbiddenException("Only the owner of case {0}, the team lead of its team or a manager can change it.", @case.Number);
    }

    public static void RequireReassign(Actor actor, Case @case)
    {
        if (!MayReassign(actor, @case.TeamId))
            throw new ForbiddenException("Only the team lead of case {0}'s team or a manager can give it to someone else.", @case.Number);
    }

    /// <summary>
    /// Work is held only by people who work cases: someone who only reads (Leadership) is never made an owner, a keeper,
    /// a stand-in or the receiver of a hand-off.
    /// </summary>
    public static void RequireMayHoldWork(StaffCard person, string field)
    {
        if (!StaffRoles.WorkCases(person.Roles))
            throw new DomainRuleException("{0} reads cases but does not work them; choose someone who serves customers.", field, person.DisplayName);
    }
}
