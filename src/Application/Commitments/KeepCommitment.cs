using Moment.Domain.Cases;

namespace Moment.Application.Commitments;

public sealed record KeepCommitmentRequest(string? How);

/// <summary>
/// Marks a promise kept, saying how (the call, the letter sent). The keeper keeps their own; team leads, managers and
/// administrators may keep someone else's. Kept after the deadline it stays broken and is recorded as kept late.
/// </summary>
public sealed class KeepCommitment(PromiseWork work)
{
    public async Task<Commitment> HandleAsync(Guid commitmentId, KeepCommitmentRequest request, Guid actorId, CancellationToken cancellationToken = default)
    {
        var @case = await work.LoadByCommitmentAsync(commitmentId, cancellationToken);
        var mayKeepForOthers = await work.MayKeepForOthersAsync(actorId, cancellationToken);
        var commitment = @case.KeepCommitment(commitmentId, actorId, mayKeepForOthers, request.How ?? "", work.Now);
        await work.SaveAsync(cancellationToken);
        return commitment;
    }
}
