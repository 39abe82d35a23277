using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moment.Application.Data;
using Moment.Application.Feed;
using Moment.TestSupport;

namespace Moment.Web.Tests.Feed;

/// <summary>
/// The hosted feed service itself: changes are committed, the instance dies before its subscriber sent anything, and a
/// new instance on the same database sends every event exactly once, in order per case. Real time: the service polls.
/// </summary>
public abstract class FeedServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Subscriber = "recorder";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase? _database;

    public async ValueTask InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres)
            PostgresServer.RequireOrSkip();
        _database = await TestDatabase.CreateAsync(provider);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [Fact]
    public async Task KilledBetweenCommitAndSend_TheNextInstanceSendsEachEventOnceInOrderPerCase()
    {
        var promises = new List<Guid>();
        await using (var first = new Instance(_database!, new Recorder(dies: true)))
        {
            _ = first.Services;
            await UntilAsync(async () => await CheckpointAsync() is not null);
            for (var i = 0; i < 3; i++)
                promises.Add(await Promises.CallBackAsync(first.Services, "erik.sjo@moment.test", TimeSpan.FromDays(1), Ct));
            await UntilAsync(async () => await CheckpointAsync() is { Failures: > 0 });
        }

        var survivor = new Recorder(dies: false);
        var expected = await EventsOfAsync(promises);
        await using (var second = new Instance(_database!, survivor))
        {
            _ = second.Services;
            await UntilAsync(async () => await CheckpointAsync() is { } checkpoint && checkpoint.EventId >= expected.Max(e => e.Id));
        }

        var sent = survivor.Events.Where(e => expected.Any(x => x.Id == e.Id)).ToList();
        Assert.Equal(expected.Select(e => e.Id), sent.Select(e => e.Id));
        Assert.Equal(expected.Count, sent.Select(e => e.Id).Distinct().Count());
        Assert.All(sent.GroupBy(e => e.CaseNumber), ofCase => Assert.Equal(ofCase.Select(e => e.Id).Order(), ofCase.Select(e => e.Id)));
        var last = await CheckpointAsync();
        Assert.Equal((0, null), (last!.Failures, last.LastError));
    }

    private async Task<FeedCheckpoint?> CheckpointAsync()
    {
        await using var db = new AppDbContext(DatabaseSetup.BuildOptions(_database!.Settings));
        return await db.FeedCheckpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Subscriber == Subscriber, Ct);
    }

    private async Task<List<(long Id, string Number)>> EventsOfAsync(List<Guid> promises)
    {
        await using var db = new AppDbContext(DatabaseSetup.BuildOptions(_database!.Settings));
        var cases = await db.Commitments.Where(c => promises.Contains(c.Id)).Select(c => c.CaseId).ToListAsync(Ct);
        var events = await db.CaseEvents.Where(e => cases.Contains(e.CaseId)).Join(db.Cases, e => e.CaseId, c => c.Id, (e, c) => new { e.Id, c.Number })
            .OrderBy(e => e.Id).ToListAsync(Ct);
        return [.. events.Select(e => (e.Id, e.Number))];
    }

    /// <summary>Polls for a condition with a deadline, instead of sleeping for a guessed time.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(Patience);
        while (!await condition())
            await Task.Delay(50, patience.Token);
    }

    /// <summary>One instance of the web app on the shared database, with the recording subscriber beside the live one.</summary>
    private sealed class Instance(TestDatabase database, Recorder recorder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", database.Provider.ToString());
            builder.UseSetting("ConnectionStrings:Moment", database.ConnectionString);
            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Feed:PollMilliseconds", "50");
            builder.ConfigureLogging(logging => logging.ClearProviders());
            builder.ConfigureTestServices(services => services.AddSingleton<IFeedSubscriber>(recorder));
        }
    }

    /// <summary>Records what it is handed; a dying one fails every batch before it has sent anything, as a crash there would.</summary>
    private sealed class Recorder(bool dies) : IFeedSubscriber
    {
        private readonly ConcurrentQueue<FeedEvent> _events = new();

        public string Name => Subscriber;

        public IReadOnlyList<FeedEvent> Events => [.. _events];

        public Task HandleAsync(IReadOnlyList<FeedEvent> batch, CancellationToken cancellationToken)
        {
            if (dies)
                throw new InvalidOperationException("The instance dies before sending.");
            foreach (var item in batch)
                _events.Enqueue(item);
            return Task.CompletedTask;
        }
    }
}

public sealed class FeedServiceTestsOnSqlite() : FeedServiceTests(DatabaseProvider.Sqlite);

public sealed class FeedServiceTestsOnPostgres() : FeedServiceTests(DatabaseProvider.Postgres);
