using Moment.Application.Data;

namespace Moment.Application.Absences;

/// <summary>
/// Ends the absences whose end has passed. Nothing moves back by itself: the person chooses on their return what to take
/// back (<see cref="TakeBackCoveredWork"/>). Safe to run repeatedly and on several instances (claimed like the starts).
/// </summary>
public sealed class EndDueAbsences(AppDbContext db, TimeProvider time)
{
    public async Task<int> HandleAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await AbsenceClaims.DueToEndAsync(db, now, cancellationToken);
        foreach (var absence in due)
            absence.End(now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }
}
