using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Commitments;

/// <summary>
/// <see cref="CaseWork"/> for promises: loading a case breaks its promises past their deadline first, so a promise
/// kept after its deadline is kept late even when the sweep has not come by; this adds who may keep or withdraw
/// someone else's promise.
/// </summary>
public sealed class PromiseWork(CaseWork work, StaffCards staff)
{
    /// <summary>How often <see cref="OpenOnceAsync"/> looks again after losing a race to save: one more look is enough for any number of double-clicks.</summary>
    private const int Attempts = 5;

    public CaseWork Cases => work;

    public DateTimeOffset Now => work.Now;

    public Task<Case> LoadAsync(string number, int? expectedVersion, CancellationToken cancellationToken) =>
        work.LoadAsync(number, expectedVersion, cancellationToken);

    public async Task<Case> LoadByCommitmentAsync(Guid commitmentId, CancellationToken cancellationToken)
    {
        var number = await work.Db.Commitments.Where(c => c.Id == commitmentId)
            .Join(work.Db.Cases, c => c.CaseId, c => c.Id, (_, @case) => @case.Number)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("There is no such promise.");
        return await LoadAsync(number, null, cancellationToken);
    }

    /// <summary>
    /// Refuses unless the actor may keep or withdraw this promise (<see cref="PromiseRules"/>): its keeper, or the keeper's
    /// team lead or a manager for a keeper who is ill or away without a stand-in. The keeper's team is the one they are in now.
    /// </summary>
    public async Task RequireKeepAsync(Actor actor, Case @case, Guid commitmentId, CancellationToken cancellationToken)
    {
        // A promise of another case is refused by the case itself, in its own words.
        if (@case.Commitments.FirstOrDefault(c => c.Id == commitmentId) is not { } commitment)
            return;
        var keeper = await staff.FindAsync(commitment.KeeperId, cancellationToken);
        PromiseRules.RequireKeep(actor, commitment.KeeperId, keeper?.TeamId ?? commitment.TeamId);
    }

    public Task SaveAsync(CancellationToken cancellationToken) => work.SaveAsync(cancellationToken);

    /// <summary>
    /// Makes a promise that a repeat answers with instead of making another (a manager request, consent). Twenty
    /// double-clicks at once each load the case before any has saved, so each makes one; the first to save wins, and the
    /// others, looking again, find it open and answer with it, as a repeat does: never a conflict for a repeat.
    /// </summary>
    public async Task<(Commitment Commitment, bool IsNew)> OpenOnceAsync(
        string number, Func<Case, Task<(Commitment Commitment, bool IsNew)>> open, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var @case = await LoadAsync(number, null, cancellationToken);
            var (commitment, isNew) = await open(@case);
            if (!isNew)
                return (commitment, false);
            if (await work.TrySaveAsync(cancellationToken))
                return (commitment, true);
            if (attempt == Attempts)
                throw new ConflictException("Someone else changed this case at the same moment. Reload it and try again.");
        }
    }
}
