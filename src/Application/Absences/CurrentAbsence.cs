using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Domain.Absences;

namespace Moment.Application.Absences;

/// <summary>My planned or current absence (a person has at most one that has not ended); "I'm back" ends or cancels it.</summary>
public sealed class CurrentAbsence(AppDbContext db, TimeProvider time)
{
    public async Task<AbsenceView?> HandleAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var absence = await db.Absences.AsNoTracking()
            .Where(a => a.UserId == userId && a.State != AbsenceState.Ended)
            .OrderBy(a => a.From).FirstOrDefaultAsync(cancellationToken);
        if (absence is null)
            return null;
        var standIn = await db.Users.AsNoTracking().Where(u => u.Id == absence.StandInId)
            .Select(u => new PersonRef(u.Id, u.DisplayName, u.Email ?? "")).FirstAsync(cancellationToken);
        return AbsenceView.Of(absence, standIn);
    }

    /// <summary>
    /// Cancels a planned absence, or ends a started one now (back early). What moved to the stand-in stays there
    /// until the person takes it back.
    /// </summary>
    public async Task CancelAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var absence = await OfAsync(db, userId, cancellationToken) ?? throw new NotFoundException("You have no planned or current absence.");
        if (absence.State == AbsenceState.Planned)
            db.Absences.Remove(absence);
        else
            absence.End(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static Task<Absence?> OfAsync(AppDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Absences.Where(a => a.UserId == userId && a.State != AbsenceState.Ended).OrderBy(a => a.From).FirstOrDefaultAsync(cancellationToken);
}
