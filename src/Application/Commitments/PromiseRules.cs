using Moment.Application.Cases;
using Moment.Application.Staff;
using Moment.Domain;

namespace Moment.Application.Commitments;

/// <summary>
/// Who may make, keep and withdraw a promise; asked by the use cases and by the pages alike. A promise is made by the
/// one who will keep it, or given to someone else only by that person's team lead or a manager; it is kept or withdrawn
/// by its keeper, the keeper's team lead or a manager. The customer's own promises (the manager request, consent) are
/// made by Moment for the customer, not here.
/// </summary>
public static class PromiseRules
{
    public static bool MayPromiseFor(Actor actor, Guid keeperId, Guid? keeperTeamId) =>
        CaseRules.MayWork(actor) && (keeperId == actor.Id || actor.Leads(keeperTeamId));

    public static bool MayKeep(Actor actor, Guid keeperId, Guid? keeperTeamId) =>
        CaseRules.MayWork(actor) && (keeperId == actor.Id || actor.Leads(keeperTeamId));

    public static void RequirePromiseFor(Actor actor, StaffCard keeper)
    {
        if (!MayPromiseFor(actor, keeper.Id, keeper.TeamId))
            throw new ForbiddenException("Only {0}, their team lead or a manager can promise something with {0} as keeper.", keeper.DisplayName);
    }

    public static void RequireKeep(Actor actor, Guid keeperId, Guid? keeperTeamId)
    {
        if (!MayKeep(actor, keeperId, keeperTeamId))
            throw new ForbiddenException("Only the keeper of this promise, their team lead or a manager can keep or withdraw it.");
    }
}
