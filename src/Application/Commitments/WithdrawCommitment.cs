using Moment.Application.Staff;
using Moment.Domain.Cases;

namespace Moment.Application.Commitments;

public sealed record WithdrawCommitmentRequest(string? Reason);

/// <summary>Takes a promise back with a reason, which the customer reads on their page. Only an open promise can be withdrawn.</summary>
public sealed class WithdrawCommitment(PromiseWork work)
{
    public async Task<Commitment> HandleAsync(Guid commitmentId, WithdrawCommitmentRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        var @case = await work.LoadByCommitmentAsync(commitmentId, cancellationToken);
        await work.RequireKeepAsync(actor, @case, commitmentId, cancellationToken);
        var commitment = @case.WithdrawCommitment(commitmentId, actor.Id, mayKeepForOthers: true, request.Reason ?? "", work.Now);
        await work.SaveAsync(cancellationToken);
        return commitment;
    }
}
