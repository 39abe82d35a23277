using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;

namespace Moment.Application.Cases;

/// <summary>
/// Hands out case numbers people can read aloud: <c>M-2026-000123</c> (year of registration, then a running number).
/// PostgreSQL uses a sequence, which never blocks concurrent registrations; SQLite, which has one writer at a time
/// anyway, a counter row. A number lost to a failed registration leaves a gap, as sequences do.
/// </summary>
public sealed class CaseNumbers(AppDbContext db)
{
    public const string PostgresSequence = "case_numbers";

    // AsAsyncEnumerable: the statement runs as written, never wrapped in a subquery (SQLite cannot select from an UPDATE).
    public async Task<string> NextAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        long next;
        if (db.Database.IsNpgsql())
        {
            next = await db.Database.SqlQuery<long>($"SELECT nextval('case_numbers') AS \"Value\"").AsAsyncEnumerable().SingleAsync(cancellationToken);
        }
        else
        {
            next = await db.Database.SqlQuery<long>(
                $"UPDATE \"CaseNumberCounter\" SET \"Next\" = \"Next\" + 1 WHERE \"Id\" = 1 RETURNING \"Next\" AS \"Value\"")
                .AsAsyncEnumerable().SingleAsync(cancellationToken);
        }

        return Format(now.Year, next);
    }

    public static string Format(int year, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"M-{year}-{number:000000}");
}

/// <summary>The SQLite stand-in for a sequence: one row holding the last number handed out.</summary>
public sealed class CaseNumberCounter
{
    public int Id { get; set; }

    public long Next { get; set; }
}
