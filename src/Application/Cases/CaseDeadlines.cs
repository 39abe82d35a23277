using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>
/// What time alone changes on cases: offers nobody answered lapse (and may escalate the case), proposed resolutions
/// nobody objected to become "resolved by silence", and promises past their deadline break (the keeper's team lead is told).
/// </summary>
/// <remarks>
/// Run by a background service, possibly on several instances of Moment at once, and after any restart. The truth is in
/// the database, so nothing is lost; and nothing happens twice, by two guards:
/// <list type="bullet">
/// <item>Each case is claimed before it is worked on: on PostgreSQL its row is locked <c>FOR UPDATE SKIP LOCKED</c> in the
/// transaction that changes it, so another instance passes over it instead of waiting; on SQLite the transaction itself
/// is the claim (one writer at a time).</item>
/// <item>The case is read after the claim, so a case another instance has just dealt with shows nothing due, and every
/// change is guarded by the case's version besides.</item>
/// </list>
/// </remarks>
public sealed class CaseDeadlines(AppDbContext db, IServiceProvider services, TimeProvider time)
{
    public async Task<int> HandleAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var dueOffers = db.HandOffs.Where(h => h.State == HandOffState.Pending && h.ExpiresAt <= now).Select(h => h.CaseId);
        var silent = db.Cases.Where(c => c.Status == CaseStatus.ProposedSolved && c.ObjectionDeadline <= now).Select(c => c.Id);
        var duePromises = db.Commitments.Where(c => c.State == CommitmentState.Open && c.Deadline <= now).Select(c => c.CaseId);
        var due = await dueOffers.Union(silent).Union(duePromises).ToListAsync(cancellationToken);

        var changed = 0;
        foreach (var caseId in due)
        {
            // One scope per case: a conflict on one (someone acted at the same moment) must not stop the others.
            await using var scope = services.CreateAsyncScope();
            try
            {
                if (await ActOnAsync(scope.ServiceProvider.GetRequiredService<CaseWork>(), caseId, cancellationToken))
                    changed++;
            }
            catch (ConflictException)
            {
                // Someone changed the case meanwhile; the next round looks again.
            }
        }

        return changed;
    }

    private static async Task<bool> ActOnAsync(CaseWork work, Guid caseId, CancellationToken cancellationToken)
    {
        var db = work.Db;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            var claimed = await db.Database
                .SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM \"Cases\" WHERE \"Id\" = {caseId} FOR UPDATE SKIP LOCKED")
                .AsAsyncEnumerable().AnyAsync(cancellationToken);
            if (!claimed)
                return false;
        }

        // Loading lets overdue offers lapse (and escalates a case that bounced enough) and breaks promises past their deadline.
        var @case = await work.LoadByIdAsync(caseId, cancellationToken);
        @case.ResolveBySilenceIfDue(work.Now);
        var changed = db.ChangeTracker.HasChanges();
        await work.SaveAsync(cancellationToken);
        return changed;
    }
}
