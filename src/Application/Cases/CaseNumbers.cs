using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;

namespace Moment.Application.Cases;

/// <summary>A case number handed out for a case about a customer who exists, with the customer's name.</summary>
public sealed record CaseNumberReservation(string Number, string CustomerName);

/// <summary>The running part of a case number drawn for a batch, with the name of the customer it is for.</summary>
public sealed record DrawnNumber(string CustomerName, long Next);

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
    /// is used up). A batch of one: a case opened within a larger change, and the demo's cases.
    /// </summary>
    public async Task<CaseNumberReservation?> ReserveAsync(Guid customerId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await ReserveAsync([customerId], cancellationToken))[0] is { } drawn ? new CaseNumberReservation(Format(now.Year, drawn.Next), drawn.CustomerName) : null;

    /// <summary>
    /// For a batch of new cases (<see cref="CaseIntake"/>): for each customer in <paramref name="customerIds"/>, in order,
    /// their name and a number of its own, or null when there is no such customer (and no number is used up for it). On
    /// PostgreSQL one round trip for the whole batch, the busiest path in intake; on SQLite the counter moves once, by the
    /// batch.
    /// </summary>
    public async Task<IReadOnlyList<DrawnNumber?>> ReserveAsync(IReadOnlyList<Guid> customerIds, CancellationToken cancellationToken)
    {
        var drawn = new DrawnNumber?[customerIds.Count];
        if (db.Database.IsNpgsql())
        {
            var ids = customerIds.ToArray();
            // WITH ORDINALITY keeps each request's place (a customer may be in the batch twice); nextval runs once per row found.
            await foreach (var row in db.Database.SqlQuery<NumberedRequest>(
                               $"SELECT u.ord AS \"Index\", c.\"Name\" AS \"CustomerName\", nextval('case_numbers') AS \"Next\" FROM unnest({ids}) WITH ORDINALITY AS u(id, ord) JOIN \"Customers\" AS c ON c.\"Id\" = u.id ORDER BY u.ord")
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
                drawn[row.Index - 1] = new DrawnNumber(row.CustomerName, row.Next);
            return drawn;
        }

        var distinct = customerIds.Distinct().ToList();
        var names = await db.Customers.AsNoTracking().Where(c => distinct.Contains(c.Id)).Select(c => new { c.Id, c.Name })
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var found = customerIds.Count(names.ContainsKey);
        if (found == 0)
            return drawn;
        // Its own short transaction (unless the caller has one), so that the counter is written in turn with the other writers (see SqliteWriting).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // AsAsyncEnumerable: the statement runs as written, never wrapped in a subquery (SQLite cannot select from an UPDATE).
        var last = await db.Database.SqlQuery<long>(
                $"UPDATE \"CaseNumberCounter\" SET \"Next\" = \"Next\" + {found} WHERE \"Id\" = 1 RETURNING \"Next\" AS \"Value\"")
            .AsAsyncEnumerable().SingleAsync(cancellationToken);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        var next = last - found;
        for (var i = 0; i < customerIds.Count; i++)
        {
            if (names.TryGetValue(customerIds[i], out var name))
                drawn[i] = new DrawnNumber(name, ++next);
        }

        return drawn;
    }

    public static string Format(int year, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"M-{year}-{number:000000}");

    private sealed record NumberedRequest(long Index, string CustomerName, long Next);
}

/// <summary>The SQLite stand-in for a sequence: one row holding the last number handed out.</summary>
public sealed class CaseNumberCounter
{
    public int Id { get; set; }

    public long Next { get; set; }
}
