using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;

namespace Moment.Application.Feed;

/// <summary>
/// The case timeline read as a feed, oldest first, in an order in which no event can ever appear behind a position
/// already handed out (decision 0005).
/// <list type="bullet">
/// <item>SQLite lets one writer in at a time, so ids become visible in the order they were taken: after a position,
/// the events with a higher id.</item>
/// <item>PostgreSQL takes an identity value at insert, not at commit: id 10 can be visible while id 9's transaction is
/// still running. So the feed hands out only events whose transaction is older than every transaction still running
/// (below <c>pg_snapshot_xmin</c>), ordered by (transaction, id). Nothing can commit below that horizon later.</item>
/// </list>
/// </summary>
public sealed class CaseEventFeed(AppDbContext db)
{
    /// <summary>The next events after <paramref name="after"/>, at most <paramref name="max"/>, in feed order.</summary>
    public async Task<IReadOnlyList<FeedEvent>> AfterAsync(FeedPosition after, int max, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            var rows = await Details(db.CaseEvents.Where(e => e.Id > after.EventId).OrderBy(e => e.Id).Take(max))
                .ToListAsync(cancellationToken);
            return [.. rows.OrderBy(row => row.Id).Select(row => row.ToEvent(0))];
        }

        // xid8 has no bigint cast; its text form converts both ways, and the 64-bit xid never wraps.
        var positions = await db.Database.SqlQuery<PositionRow>($"""
            SELECT "TransactionId"::text::bigint AS "Transaction", "Id" AS "EventId" FROM "CaseEvents"
            WHERE "TransactionId" < pg_snapshot_xmin(pg_current_snapshot())
              AND ("TransactionId", "Id") > ({after.Transaction}::text::xid8, {after.EventId})
            ORDER BY "TransactionId", "Id"
            LIMIT {max}
            """).ToListAsync(cancellationToken);
        var ids = positions.Select(p => p.EventId).ToList();
        var details = await Details(db.CaseEvents.Where(e => ids.Contains(e.Id))).ToDictionaryAsync(row => row.Id, cancellationToken);
        return [.. positions.Select(p => details[p.EventId].ToEvent(p.Transaction))];
    }

    /// <summary>
    /// Whether events after <paramref name="after"/> are committed but not yet handed out, because a transaction that
    /// began before them is still running somewhere on the server (on this database or another: the horizon is the
    /// server's). They are due the moment it ends; nothing here says when that is. Always false on SQLite.
    /// </summary>
    public async Task<bool> HeldBackAsync(FeedPosition after, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
            return false;
        return await db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM "CaseEvents"
                WHERE "TransactionId" >= pg_snapshot_xmin(pg_current_snapshot())
                  AND ("TransactionId", "Id") > ({after.Transaction}::text::xid8, {after.EventId})) AS "Value"
            """).SingleAsync(cancellationToken);
    }

    /// <summary>
    /// The position of the last event handed out so far: where a new subscriber starts, so that it acts on what happens
    /// from now on and not on the whole history.
    /// </summary>
    public async Task<FeedPosition> EndAsync(CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
            return new FeedPosition(0, await db.CaseEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0);
        var end = await db.Database.SqlQuery<PositionRow>($"""
            SELECT "TransactionId"::text::bigint AS "Transaction", "Id" AS "EventId" FROM "CaseEvents"
            WHERE "TransactionId" < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY "TransactionId" DESC, "Id" DESC
            LIMIT 1
            """).ToListAsync(cancellationToken);
        return end is [var last] ? new FeedPosition(last.Transaction, last.EventId) : FeedPosition.Start;
    }

    private IQueryable<Row> Details(IQueryable<Domain.Cases.CaseEvent> events) =>
        events.Join(db.Cases, e => e.CaseId, c => c.Id, (e, c) => new Row
        {
            Id = e.Id,
            CaseId = c.Id,
            Number = c.Number,
            OwnerId = c.OwnerId,
            Kind = e.Kind,
            At = e.At,
            ActorId = e.ActorId,
            SubjectUserId = e.SubjectUserId,
            SubjectTeamId = e.SubjectTeamId,
            HandOffId = e.HandOffId,
            CommitmentId = e.CommitmentId,
            CoveringForId = e.CoveringForId,
            IsPublic = e.IsPublic,
        });

    private sealed class PositionRow
    {
        public long Transaction { get; init; }

        public long EventId { get; init; }
    }

    private sealed class Row
    {
        public long Id { get; init; }

        public Guid CaseId { get; init; }

        public string Number { get; init; } = "";

        public Guid OwnerId { get; init; }

        public Domain.Cases.CaseEventKind Kind { get; init; }

        public DateTimeOffset At { get; init; }

        public Guid? ActorId { get; init; }

        public Guid? SubjectUserId { get; init; }

        public Guid? SubjectTeamId { get; init; }

        public Guid? HandOffId { get; init; }

        public Guid? CommitmentId { get; init; }

        public Guid? CoveringForId { get; init; }

        public bool IsPublic { get; init; }

        public FeedEvent ToEvent(long transaction) => new(
            new FeedPosition(transaction, Id), CaseId, Number, OwnerId, Kind, At, ActorId, SubjectUserId, SubjectTeamId,
            HandOffId, CommitmentId, CoveringForId, IsPublic);
    }
}
