using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;

namespace Moment.Application.Feed;

/// <summary>
/// What one round did for a subscriber: how many events it handled, how many times in a row it has failed now, and
/// whether it found nothing to hand out while events already committed wait behind a transaction still running
/// (<see cref="CaseEventFeed.HeldBackAsync"/>): they are due as soon as it ends, so the next round should come soon.
/// </summary>
public sealed record FeedRound(int Handled, int Failures, bool HeldBack = false);

/// <summary>
/// One round of one subscriber: the next batch after its checkpoint, handled, and the checkpoint moved past it, or, when
/// the subscriber fails, the checkpoint left where it was (the batch comes again) with the failure recorded on it.
/// With several instances, a subscriber's batch is never handled by two at once: on PostgreSQL the round holds its
/// checkpoint row (<c>FOR UPDATE</c>) from reading the batch to moving past it, and another instance's round waits for it,
/// then reads what is left. Waiting, not skipping: a round woken by a commit here must see that commit, even when another
/// instance was mid-round and had read its batch before it. SQLite is for one instance.
/// </summary>
public sealed class RunFeedRound(AppDbContext db, CaseEventFeed feed, TimeProvider time)
{
    public const int BatchSize = 100;

    public async Task<FeedRound> HandleAsync(IFeedSubscriber subscriber, CancellationToken cancellationToken)
    {
        await StartIfNewAsync(subscriber.Name, cancellationToken);
        // SQLite: no transaction, which would keep case changes waiting while the subscriber works.
        await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var checkpoint = await ClaimAsync(subscriber.Name, cancellationToken);
        if (checkpoint is null)
            return new FeedRound(0, 0);
        var batch = await feed.AfterAsync(new FeedPosition(checkpoint.Transaction, checkpoint.EventId), BatchSize, cancellationToken);
        if (batch.Count == 0)
            return new FeedRound(0, checkpoint.Failures, await feed.HeldBackAsync(new FeedPosition(checkpoint.Transaction, checkpoint.EventId), cancellationToken));
        try
        {
            await subscriber.HandleAsync(batch, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            if (transaction is not null)
                await transaction.RollbackAsync(cancellationToken);
            return new FeedRound(0, await RecordFailureAsync(subscriber.Name, error, cancellationToken));
        }

        checkpoint.Transaction = batch[^1].Position.Transaction;
        checkpoint.EventId = batch[^1].Position.EventId;
        checkpoint.UpdatedAt = time.GetUtcNow();
        checkpoint.Failures = 0;
        checkpoint.LastError = null;
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        return new FeedRound(batch.Count, 0);
    }

    /// <summary>
    /// A new subscriber starts at the end of the feed: it acts on what happens from now on, and does not flood people with
    /// the news of every case ever changed.
    /// </summary>
    private async Task StartIfNewAsync(string subscriber, CancellationToken cancellationToken)
    {
        if (await db.FeedCheckpoints.AnyAsync(c => c.Subscriber == subscriber, cancellationToken))
            return;
        var end = await feed.EndAsync(cancellationToken);
        db.FeedCheckpoints.Add(new FeedCheckpoint
        {
            Subscriber = subscriber,
            Transaction = end.Transaction,
            EventId = end.EventId,
            UpdatedAt = time.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance started it at the same moment: its checkpoint is as good as ours.
        }

        db.ChangeTracker.Clear();
    }

    private async Task<FeedCheckpoint?> ClaimAsync(string subscriber, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            var held = await db.Database.SqlQuery<string>($"""
                SELECT "Subscriber" AS "Value" FROM "FeedCheckpoints" WHERE "Subscriber" = {subscriber} FOR UPDATE
                """).ToListAsync(cancellationToken);
            if (held.Count == 0)
                return null;
        }

        return await db.FeedCheckpoints.FirstAsync(c => c.Subscriber == subscriber, cancellationToken);
    }

    private async Task<int> RecordFailureAsync(string subscriber, Exception error, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var checkpoint = await db.FeedCheckpoints.FirstAsync(c => c.Subscriber == subscriber, cancellationToken);
        checkpoint.Failures++;
        var said = $"{error.GetType().Name}: {error.Message}";
        checkpoint.LastError = said.Length > FeedCheckpoint.ErrorMaxLength ? said[..FeedCheckpoint.ErrorMaxLength] : said;
        checkpoint.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return checkpoint.Failures;
    }
}
