using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Feed;
using Moment.Domain.Cases;
using Moment.TestSupport;

namespace Moment.Application.Tests.Feed;

/// <summary>
/// The feed on a real database of each provider: every subscriber gets every event once, in order per case; a failing
/// subscriber is tried again from where it stopped and holds nobody else back; a new one starts at the end; and on
/// PostgreSQL an event whose transaction is still open is waited for, never skipped, though a later id is committed.
/// </summary>
public abstract class CaseEventFeedTests(ApplicationHost host) : IAsyncLifetime
{
    protected const string Sara = "sara.holm@moment.test";
    protected const string Erik = "erik.sjo@moment.test";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected ApplicationHost Host => host;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task TwoSubscribers_EachGetsEveryEventOnce_InOrderPerCase()
    {
        var first = new Recorder("order-first");
        var second = new Recorder("order-second");
        await RoundAsync(first);
        await RoundAsync(second);

        var cases = new List<string>();
        for (var i = 0; i < 3; i++)
            cases.Add(await NewCaseAsync(i % 2 == 0 ? Sara : Erik));
        foreach (var number in cases.Concat(cases).Reverse())
            await NoteAsync(number, $"Looked again at {number}");
        var expected = await EventsOfAsync(cases);
        await CatchUpAsync(first, expected);
        await CatchUpAsync(second, expected);
        await CatchUpAsync(first, expected);
        Assert.Equal(expected, first.Ids(cases));
        Assert.Equal(expected, second.Ids(cases));
        Assert.All(cases, number =>
        {
            var ofCase = first.Ids([number]);
            Assert.Equal(ofCase.Order(), ofCase);
        });
    }

    [Fact]
    public async Task FailingSubscriber_IsTriedAgainFromWhereItStopped_AndDoesNotHoldBackAnother()
    {
        var failing = new Recorder("failing", failTimes: 2);
        var well = new Recorder("well");
        await RoundAsync(failing);
        await RoundAsync(well);
        var number = await NewCaseAsync(Sara);
        var events = await EventsOfAsync([number]);
        await UntilHandedOutAsync(events);

        Assert.Equal(new FeedRound(0, 1), await RoundAsync(failing));
        var wellRound = await RoundAsync(well);
        Assert.Equal(new FeedRound(0, 2), await RoundAsync(failing));
        var stuck = await CheckpointAsync("failing");
        var recovered = await RoundAsync(failing);

        Assert.True(wellRound.Handled > 0);
        Assert.Equal(2, stuck.Failures);
        Assert.Equal("InvalidOperationException: Failing on purpose.", stuck.LastError);
        Assert.Equal(new FeedRound(wellRound.Handled, 0), recovered);
        var healed = await CheckpointAsync("failing");
        Assert.Equal((0, null), (healed.Failures, healed.LastError));
        Assert.Equal(events, failing.Ids([number]));
        Assert.Equal(well.Ids([number]), failing.Ids([number]));
    }

    [Fact]
    public async Task NewSubscriber_StartsAtTheEndOfTheFeed()
    {
        var before = await NewCaseAsync(Sara);
        await UntilHandedOutAsync(await EventsOfAsync([before]));
        var late = new Recorder("late");

        Assert.Equal(new FeedRound(0, 0), await RoundAsync(late));
        var after = await NewCaseAsync(Sara);
        var expected = await EventsOfAsync([after]);
        await CatchUpAsync(late, expected);

        Assert.Empty(late.Ids([before]));
        Assert.Equal(expected, late.Ids([after]));
    }

    protected async Task<FeedRound> RoundAsync(IFeedSubscriber subscriber)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<RunFeedRound>().HandleAsync(subscriber, Ct);
    }

    protected async Task DrainAsync(IFeedSubscriber subscriber)
    {
        while ((await RoundAsync(subscriber)).Handled > 0)
        {
        }
    }

    /// <summary>
    /// Rounds until the subscriber has had these events, then until the feed has nothing more for it. Polls: on PostgreSQL
    /// transactions of other tests on the same server hold events back for a moment (decision 0005).
    /// </summary>
    protected async Task CatchUpAsync(Recorder subscriber, IReadOnlyList<long> events)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(Patience);
        while (!events.All(id => subscriber.Events.Any(e => e.Id == id)))
        {
            if ((await RoundAsync(subscriber)).Handled == 0)
                await Task.Delay(20, patience.Token);
        }

        await DrainAsync(subscriber);
    }

    private async Task UntilHandedOutAsync(IReadOnlyList<long> events)
    {
        await using var scope = host.Scope();
        var all = await FeedReading.AllAsync(scope.ServiceProvider, Ct);
        Assert.Superset(events.ToHashSet(), all.Select(e => e.Id).ToHashSet());
    }

    private async Task<FeedCheckpoint> CheckpointAsync(string subscriber)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().FeedCheckpoints.AsNoTracking().FirstAsync(c => c.Subscriber == subscriber, Ct);
    }

    protected async Task<string> NewCaseAsync(string agent)
    {
        await using var scope = host.Scope();
        var promise = await Promises.CallBackAsync(scope.ServiceProvider, agent, TimeSpan.FromDays(1), Ct);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Commitments.Where(c => c.Id == promise).Join(db.Cases, c => c.CaseId, c => c.Id, (_, c) => c.Number).FirstAsync(Ct);
    }

    protected async Task NoteAsync(string number, string text)
    {
        await using var scope = host.Scope();
        var work = scope.ServiceProvider.GetRequiredService<CaseWork>();
        var @case = await work.LoadAsync(number, null, Ct);
        @case.AddNote(@case.OwnerId, text, false, work.Now);
        await work.SaveAsync(Ct);
    }

    /// <summary>The events of these cases, in id order.</summary>
    protected async Task<List<long>> EventsOfAsync(IReadOnlyList<string> numbers)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.CaseEvents.Join(db.Cases, e => e.CaseId, c => c.Id, (e, c) => new { e.Id, c.Number })
            .Where(e => numbers.Contains(e.Number)).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(Ct);
    }

    protected async Task<List<CaseEvent>> NotesAsync(IReadOnlyList<string> numbers)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await db.Cases.Where(c => numbers.Contains(c.Number)).Select(c => c.Id).ToListAsync(Ct);
        return await db.CaseEvents.Where(e => ids.Contains(e.CaseId) && e.Kind == CaseEventKind.InternalNote).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    /// <summary>A subscriber that records what it handles; it fails its first <c>failTimes</c> batches without recording them.</summary>
    protected sealed class Recorder(string name, int failTimes = 0) : IFeedSubscriber
    {
        private readonly ConcurrentQueue<FeedEvent> _events = new();
        private int _failures;

        public string Name => name;

        public IReadOnlyList<FeedEvent> Events => [.. _events];

        public List<long> Ids(IReadOnlyList<string> numbers) => [.. _events.Where(e => numbers.Contains(e.CaseNumber)).Select(e => e.Id)];

        public Task HandleAsync(IReadOnlyList<FeedEvent> batch, CancellationToken cancellationToken)
        {
            if (_failures < failTimes)
            {
                _failures++;
                throw new InvalidOperationException("Failing on purpose.");
            }

            foreach (var item in batch)
                _events.Enqueue(item);
            return Task.CompletedTask;
        }
    }
}

public sealed class CaseEventFeedTestsOnSqlite(SqliteHost host) : CaseEventFeedTests(host), IClassFixture<SqliteHost>;

public sealed class CaseEventFeedTestsOnPostgres(PostgresHost host) : CaseEventFeedTests(host), IClassFixture<PostgresHost>
{
    // PostgreSQL only: SQLite lets one writer in at a time, so its ids become visible in the order they were taken.
    [Fact]
    public async Task Postgres_AnEventOfAStillOpenTransaction_WithALowerId_IsWaitedForNotSkipped()
    {
        var subscriber = new Recorder("horizon");
        await RoundAsync(subscriber);
        var slow = await NewCaseAsync(Sara);
        var quick = await NewCaseAsync(Erik);
        await CatchUpAsync(subscriber, await EventsOfAsync([slow, quick]));

        await using var open = Host.Scope();
        var db = open.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var slowCase = await db.Cases.FirstAsync(c => c.Number == slow, Ct);
        slowCase.AddNote(slowCase.OwnerId, "Written in a transaction that stays open", false, Host.Time.GetUtcNow());
        await db.SaveChangesAsync(Ct);
        await NoteAsync(quick, "Written and committed after the open one began");

        await DrainAsync(subscriber);
        // Only these two cases' events: the subscriber starts where the feed has handed out to, and another test's open
        // transaction on the same server may have held that below the host's own seed (which has notes of its own).
        Assert.DoesNotContain(subscriber.Events, e => e.Kind == CaseEventKind.InternalNote && (e.CaseNumber == slow || e.CaseNumber == quick));
        Assert.True((await RoundAsync(subscriber)).HeldBack, "The committed note waits behind the open transaction: the round must say so.");
        await transaction.CommitAsync(Ct);
        await CatchUpAsync(subscriber, await EventsOfAsync([slow, quick]));

        var notes = await NotesAsync([slow, quick]);
        Assert.True(notes[0].Id < notes[1].Id, "The open transaction's note took the lower id.");
        Assert.Equal(await EventsOfAsync([slow, quick]), subscriber.Ids([slow, quick]));
        Assert.Equal([notes[0].Id, notes[1].Id], subscriber.Events.Where(e => e.Kind == CaseEventKind.InternalNote && (e.CaseNumber == slow || e.CaseNumber == quick)).Select(e => e.Id));
    }

    // Two instances: a round woken by a commit made here while the other instance is mid-round (its batch read before
    // that commit) waits for the other and then handles the commit; skipping would leave the news for the next poll.
    [Fact]
    public async Task Postgres_ARoundWhileAnotherIsMidRound_WaitsForIt_ThenHandlesWhatWasCommittedMeanwhile()
    {
        var recorder = new Recorder("waits");
        var held = new HeldMidRound(recorder);
        await RoundAsync(held);
        await NewCaseAsync(Sara);
        var first = RoundAsync(held);
        while (!held.Entered.Task.IsCompleted)
        {
            await Task.WhenAny(first, held.Entered.Task);
            if (first.IsCompleted && !held.Entered.Task.IsCompleted)
                first = RoundAsync(held); // its events were still behind another test's open transaction
        }

        var meanwhile = await NewCaseAsync(Erik);
        var second = RoundAsync(held);
        while (!second.IsCompleted && await WaitingForALockAsync() == 0)
            await Task.Yield();
        var finishedWhileTheOtherHeld = second.IsCompleted;
        held.Release.SetResult();
        await Task.WhenAll(first, second);
        await CatchUpAsync(recorder, await EventsOfAsync([meanwhile]));

        Assert.False(finishedWhileTheOtherHeld, "The second round skipped instead of waiting.");
        Assert.Equal(await EventsOfAsync([meanwhile]), recorder.Ids([meanwhile]));
    }

    private async Task<int> WaitingForALockAsync()
    {
        await using var scope = Host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
            """).SingleAsync(Ct);
    }

    /// <summary>Holds its first batch (and so its round's lock) until released, as another instance mid-round does.</summary>
    private sealed class HeldMidRound(IFeedSubscriber inner) : IFeedSubscriber
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => inner.Name;

        public async Task HandleAsync(IReadOnlyList<FeedEvent> batch, CancellationToken cancellationToken)
        {
            if (Entered.TrySetResult())
                await Release.Task.WaitAsync(cancellationToken);
            await inner.HandleAsync(batch, cancellationToken);
        }
    }
}

