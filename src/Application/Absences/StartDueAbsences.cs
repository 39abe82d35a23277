using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Absences;
using Moment.Domain.Cases;

namespace Moment.Application.Absences;

/// <summary>What one round of starting absences did.</summary>
public sealed record AbsenceStarts(int Started, int CasesCovered);

/// <summary>
/// Starts the absences that are due and moves the away person's work to their stand-in, case by case (principle 12).
/// Run by a background service, on every instance, as often as it likes:
/// <list type="bullet">
/// <item>An absence is marked started once: the due rows are claimed in a transaction (see <see cref="AbsenceClaims"/>)
/// and committed before any case moves.</item>
/// <item>Then, for every started absence, whatever the away person still holds moves: their unresolved cases, offers
/// addressed to them, their open promises. This is also how the moves survive a crash between the commit and the
/// moves, and how work that reaches an away person later (an offer, a reassigned case, a promise) finds the stand-in
/// on the next round.</item>
/// <item>Each case moves in its own scope and is saved with the case's version check: if someone acted on it
/// meanwhile, or another instance moved it first, the save fails, nothing is written, and the next round looks again.
/// A moved case no longer belongs to the away person, so nothing moves twice.</item>
/// </list>
/// </summary>
public sealed class StartDueAbsences(AppDbContext db, IServiceProvider services, TimeProvider time)
{
    public async Task<AbsenceStarts> HandleAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var started = await StartAsync(now, cancellationToken);

        var away = await db.Absences.AsNoTracking()
            .Where(a => a.State == AbsenceState.Started && a.To > now)
            .Select(a => new { a.UserId, a.StandInId })
            .ToListAsync(cancellationToken);
        var covered = 0;
        foreach (var absence in away)
        {
            foreach (var number in await StillHeldByAsync(absence.UserId, cancellationToken))
            {
                if (await CoverAsync(number, absence.UserId, absence.StandInId, cancellationToken))
                    covered++;
            }
        }

        return new AbsenceStarts(started, covered);
    }

    private async Task<int> StartAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await AbsenceClaims.DueToStartAsync(db, now, cancellationToken);
        foreach (var absence in due)
            absence.Start(now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return due.Count;
    }

    private Task<List<string>> StillHeldByAsync(Guid awayId, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking()
            .Where(c => (c.OwnerId == awayId && c.Status != CaseStatus.Resolved && c.Status != CaseStatus.ResolvedBySilence)
                || c.HandOffs.Any(h => h.State == HandOffState.Pending && h.ToUserId == awayId)
                || c.Commitments.Any(k => k.State == CommitmentState.Open && k.KeeperId == awayId))
            .OrderBy(c => c.CreatedAt)
            .Select(c => c.Number)
            .ToListAsync(cancellationToken);

    private async Task<bool> CoverAsync(string number, Guid awayId, Guid standInId, CancellationToken cancellationToken)
    {
        // One scope per case: a conflict on one (someone acted at the same moment) must not stop the others.
        await using var scope = services.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<CaseWork>();
        try
        {
            var @case = await work.LoadAsync(number, null, cancellationToken);
            if (!@case.CoverFor(awayId, standInId, work.Now))
                return false;
            await work.SaveAsync(cancellationToken);
            return true;
        }
        catch (ConflictException)
        {
            // Someone changed the case meanwhile (or another instance covered it first); the next round looks again.
            return false;
        }
    }
}
