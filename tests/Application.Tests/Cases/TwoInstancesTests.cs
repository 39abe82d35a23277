using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Feed;
using Moment.Application.Staff;
using Moment.Domain.Cases;
using Moment.TestSupport;

namespace Moment.Application.Tests.Cases;

/// <summary>
/// Two instances of Moment on one database run the deadline sweep at the same moment (as two app servers behind a load
/// balancer do): every broken promise must be broken, recorded and announced exactly once.
/// </summary>
public abstract class TwoInstancesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Cases = 40;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private TestDatabase? _database;
    private Instance? _first;
    private Instance? _second;

    public async ValueTask InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres)
            PostgresServer.RequireOrSkip();
        _database = await TestDatabase.CreateAsync(provider);
        _first = new Instance(_database.Settings, _time);
        await DatabaseStartup.PrepareAsync(_first.Services, demoMode: true);
        _second = new Instance(_database.Settings, _time);
    }

    public async ValueTask DisposeAsync()
    {
        if (_first is not null)
            await _first.Services.DisposeAsync();
        if (_second is not null)
            await _second.Services.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [Fact]
    public async Task BothSweepAtOnce_EachPromiseBreaksOnceAndIsAnnouncedOnce()
    {
        var promises = new List<Guid>();
        for (var i = 0; i < Cases; i++)
            promises.Add(await Promises.CallBackAsync(_first!.Services, "sara.holm@moment.test", TimeSpan.FromHours(1), Ct));

        _time.Advance(TimeSpan.FromHours(1));
        var changed = await Task.WhenAll(Task.Run(() => SweepAsync(_first!)), Task.Run(() => SweepAsync(_second!)));

        await using var scope = _first!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var states = await db.Commitments.Where(c => promises.Contains(c.Id)).Select(c => c.State).ToListAsync(Ct);
        var brokenEntries = await db.Set<CaseEvent>().CountAsync(e => e.Kind == CaseEventKind.CommitmentBroken && promises.Contains(e.CommitmentId!.Value), Ct);
        Assert.All(states, state => Assert.Equal(CommitmentState.Broken, state));
        Assert.Equal(Cases, states.Count);
        Assert.Equal(Cases, brokenEntries);
        Assert.Equal(Cases, changed.Sum());
        Assert.Equal(Cases, await BrokenNewsAsync(_first, promises));
    }

    /// <summary>How many pieces of "promise broken" news the feed gives for these promises' cases, as the live subscriber would send them.</summary>
    private static async Task<int> BrokenNewsAsync(Instance instance, List<Guid> promises)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var numbers = await db.Commitments.Where(c => promises.Contains(c.Id)).Join(db.Cases, c => c.CaseId, c => c.Id, (_, c) => c.Number).ToListAsync(Ct);
        var batch = await FeedReading.AllAsync(scope.ServiceProvider, Ct);
        var news = await scope.ServiceProvider.GetRequiredService<WhoIsTold>().ForAsync(batch, Ct);
        return news.Count(item => item.Kind == CaseEventKind.CommitmentBroken && numbers.Contains(item.CaseNumber));
    }

    private static async Task<int> SweepAsync(Instance instance)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseDeadlines>().HandleAsync(Ct);
    }

    /// <summary>One app instance: its own services.</summary>
    private sealed class Instance
    {
        public Instance(DatabaseSettings settings, TimeProvider time)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton(time);
            services.AddMomentDatabase(settings).AddMomentApplication();
            services.AddStaffIdentity();
            Services = services.BuildServiceProvider();
        }

        public ServiceProvider Services { get; }
    }
}

public sealed class TwoInstancesTestsOnSqlite() : TwoInstancesTests(DatabaseProvider.Sqlite);

public sealed class TwoInstancesTestsOnPostgres() : TwoInstancesTests(DatabaseProvider.Postgres);
