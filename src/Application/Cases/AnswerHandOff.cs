using Moment.Application.Staff;

namespace Moment.Application.Cases;

/// <summary>
/// The receiver's answer to an offer. Accepting makes them the owner; declining needs a reason and leaves the owner.
/// Either can make the case escalate to a named team lead (no carousel). Of two people accepting one offer at the
/// same moment exactly one wins; the other gets a conflict.
/// </summary>
public sealed class AnswerHandOff(CaseWork work)
{
    public async Task<string> AcceptAsync(Guid handOffId, Actor actor, CancellationToken cancellationToken = default)
    {
        CaseRules.RequireWork(actor);
        var @case = await work.LoadByHandOffAsync(handOffId, cancellationToken);
        @case.AcceptHandOff(handOffId, actor.Id, actor.TeamId, work.Now);
        await work.EscalateIfDueAsync(@case, cancellationToken);
        await work.SaveAsync(cancellationToken);
        return @case.Number;
    }

    public async Task<string> DeclineAsync(Guid handOffId, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        CaseRules.RequireWork(actor);
        var @case = await work.LoadByHandOffAsync(handOffId, cancellationToken);
        @case.DeclineHandOff(handOffId, actor.Id, actor.TeamId, reason ?? "", work.Now);
        await work.EscalateIfDueAsync(@case, cancellationToken);
        await work.SaveAsync(cancellationToken);
        return @case.Number;
    }
}
