using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>
/// What time alone changes on cases: offers nobody answered lapse (and may escalate the case), and proposed
/// resolutions nobody objected to become "resolved by silence". Run by a background service; safe to run again
/// (each change is guarded by the case's state and version).
/// </summary>
public sealed class CaseDeadlines(AppDbContext db, IServiceProvider services, TimeProvider time)
{
    public async Task<int> HandleAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var dueOffers = await db.HandOffs.AsNoTracking()
            .Where(h => h.State == HandOffState.Pending && h.ExpiresAt <= now)
            .Join(db.Cases, h => h.CaseId, c => c.Id, (h, c) => c.Number)
            .Distinct().ToListAsync(cancellationToken);
        var silent = await db.Cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.ProposedSolved && c.ObjectionDeadline <= now)
            .Select(c => c.Number).ToListAsync(cancellationToken);

        var changed = 0;
        foreach (var number in dueOffers.Union(silent))
        {
            // One scope per case: a conflict on one (someone acted at the same moment) must not stop the others.
            await using var scope = services.CreateAsyncScope();
            var work = scope.ServiceProvider.GetRequiredService<CaseWork>();
            try
            {
                var @case = await work.LoadAsync(number, null, cancellationToken);
                @case.ResolveBySilenceIfDue(work.Now);
                await work.SaveAsync(cancellationToken);
                changed++;
            }
            catch (ConflictException)
            {
                // Someone changed the case meanwhile; the next round looks again.
            }
        }

        return changed;
    }
}
