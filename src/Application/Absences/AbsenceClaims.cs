using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Absences;

namespace Moment.Application.Absences;

/// <summary>
/// Claims absences for a state change inside the caller's transaction, so that two app instances never change the same
/// absence at once. On PostgreSQL the rows are locked with <c>FOR UPDATE SKIP LOCKED</c>: another instance skips what this
/// one holds and finds it no longer due after the commit. SQLite lets one writer in at a time, so the transaction is enough.
/// </summary>
internal static class AbsenceClaims
{
    public static async Task<List<Absence>> DueToStartAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
            return await db.Absences.Where(a => a.State == AbsenceState.Planned && a.From <= now && a.To > now).ToListAsync(cancellationToken);
        var planned = nameof(AbsenceState.Planned);
        var ids = await db.Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM "Absences"
            WHERE "State" = {planned} AND "From" <= {now} AND "To" > {now}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        return await db.Absences.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
    }

    public static async Task<List<Absence>> DueToEndAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
            return await db.Absences.Where(a => a.State != AbsenceState.Ended && a.To <= now).ToListAsync(cancellationToken);
        var ended = nameof(AbsenceState.Ended);
        var ids = await db.Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM "Absences"
            WHERE "State" <> {ended} AND "To" <= {now}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        return await db.Absences.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
    }
}
