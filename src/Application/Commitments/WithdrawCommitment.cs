using Moment.Domain.Cases;

namespace Moment.Application.Commitments;

public sealed record WithdrawCommitmentRequest(string? Reason);

/// <summary>Takes a promise back with a reason, which the customer reads on their page. Only an open promise can be withdrawn.</summary>
public sealed class WithdrawCommitment(PromiseWork work)
{
    public async Task<Commitment> HandleAsync(Guid commitmentId, WithdrawCommitmentRequest request, Guid actorId, CancellationToken cancellationToken = default)
    {
        var @case = await work.LoadByCommitmentAsync(commitmentId, cancellationToken);
        var mayKeepForOthers = await work.MayKeepForOthersAsync(actorId, cancellationToken);
        var commitment = @case.WithdrawCommitment(commitmentId, actorId, mayKeepForOthers, request.Reason ?? "", work.Now);
        await work.SaveAsync(cancellationToken);
        return commitment;
    }
}
