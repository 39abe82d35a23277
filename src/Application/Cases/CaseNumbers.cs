using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;

namespace Moment.Application.Cases;

/// <summary>A case number handed out for a case about a customer who exists, with the customer's name.</summary>
public sealed record CaseNumberReservation(string Number, string CustomerName);

/// <summary>
/// Hands out case numbers people can read aloud: <c>M-2026-000123</c> (year of registration, then a running number).
/// PostgreSQL uses a sequence, which never blocks concurrent registrations; SQLite, which has one writer at a time
/// anyway, a counter row. A number lost to a failed registration leaves a gap, as sequences do.
/// </summary>
public sealed class CaseNumbers(AppDbContext db)
{
    public const string PostgresSequence = "case_numbers";

    /// <summary>The column's length: "M-2026-000123" is 13.</summary>
    public const int MaxLength = 20;

    /// <summary>A case number as stored, from one as a person typed or pasted it (" m-2026-000123").</summary>
    public static string Normalize(string number) => number.Trim().ToUpperInvariant();

    /// <summary>
    /// The next number, for a case about <paramref name="customerId"/>; null when there is no such customer (and no number
    /// is used up). On PostgreSQL the customer is read and the number drawn in one round trip, the busiest path in intake.
    /// </summary>
    public async Task<CaseNumberReservation?> ReserveAsync(Guid customerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            var row = await db.Database.SqlQuery<NumberedCustomer>(
                    $"SELECT c.\"Name\" AS \"CustomerName\", nextval('case_numbers') AS \"Next\" FROM \"Customers\" AS c WHERE c.\"Id\" = {customerId}")
                .AsAsyncEnumerable().SingleOrDefaultAsync(cancellationToken);
            return row is null ? null : new CaseNumberReservation(Format(now.Year, row.Next), row.CustomerName);
        }

        var customerName = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        if (customerName is null)
            return null;
        // Its own short transaction (unless the caller has one), so that the counter is written in turn with the other writers (see SqliteWriting).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // AsAsyncEnumerable: the statement runs as written, never wrapped in a subquery (SQLite cannot select from an UPDATE).
        var next = await db.Database.SqlQuery<long>(
                $"UPDATE \"CaseNumberCounter\" SET \"Next\" = \"Next\" + 1 WHERE \"Id\" = 1 RETURNING \"Next\" AS \"Value\"")
            .AsAsyncEnumerable().SingleAsync(cancellationToken);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        return new CaseNumberReservation(Format(now.Year, next), customerName);
    }

    public static string Format(int year, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"M-{year}-{number:000000}");

    private sealed record NumberedCustomer(string CustomerName, long Next);
}

/// <summary>The SQLite stand-in for a sequence: one row holding the last number handed out.</summary>
public sealed class CaseNumberCounter
{
    public int Id { get; set; }

    public long Next { get; set; }
}
