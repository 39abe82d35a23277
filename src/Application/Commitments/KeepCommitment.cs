using Moment.Application.Staff;
using Moment.Domain.Cases;

namespace Moment.Application.Commitments;

public sealed record KeepCommitmentRequest(string? How);

/// <summary>
/// Marks a promise kept, saying how (the call, the letter sent). The keeper keeps their own; the keeper's team lead, a
/// manager or an administrator may keep it for them (<see cref="PromiseRules"/>). Kept after the deadline it stays broken and is recorded as kept late.
/// </summary>
public sealed class KeepCommitment(PromiseWork work)
{
    public async Task<Commitment> HandleAsync(Guid commitmentId, KeepCommitmentRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        var @case = await work.LoadByCommitmentAsync(commitmentId, cancellationToken);
        await work.RequireKeepAsync(actor, @case, commitmentId, cancellationToken);
        var commitment = @case.KeepCommitment(commitmentId, actor.Id, mayKeepForOthers: true, request.How ?? "", work.Now);
        await work.SaveAsync(cancellationToken);
        return commitment;
    }
}
