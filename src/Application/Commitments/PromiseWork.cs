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

    /// <summary>Team leads, managers and administrators may keep or withdraw a promise for its keeper (who may be ill, or away without a stand-in).</summary>
    public async Task<bool> MayKeepForOthersAsync(Guid actorId, CancellationToken cancellationToken)
    {
        var card = await staff.FindAsync(actorId, cancellationToken);
        return card is not null && card.Roles.Any(role => role is StaffRoles.TeamLead or StaffRoles.Manager or StaffRoles.Administrator);
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
