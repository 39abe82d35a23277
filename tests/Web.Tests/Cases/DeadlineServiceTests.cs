using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moment.Application.Feed;
using Moment.Application.Data;
using Moment.Domain.Cases;
using Moment.TestSupport;
using Moment.Web.Background;

namespace Moment.Web.Tests.Cases;

/// <summary>
/// The background service itself, with the clock in the test's hand: it dies half-way through a round, a new instance
/// starts on the same database, and every promise ends up broken exactly once.
/// </summary>
public abstract class DeadlineServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Promises = 6;
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(60);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
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
    public async Task RestartMidRound_LosesNothingAndDoesNothingTwice()
    {
        var dying = new DyingSignal(dieAfter: 1);
        var promises = new List<Guid>();
        DeadlineRound interrupted;
        await using (var first = new Instance(_database!, _time, dying))
        {
            for (var i = 0; i < Promises; i++)
                promises.Add(await TestSupport.Promises.CallBackAsync(first.Services, "erik.sjo@moment.test", TimeSpan.FromSeconds(20), Ct));
            dying.Armed = true;
            // One interval exactly: one round (a longer step would queue a tick per interval passed).
            var round = first.Rounds.NextAsync();
            _time.Advance(CaseDeadlineService.Interval);
            interrupted = await round.WaitAsync(RoundTimeout, Ct);
        }

        var afterRestart = new DyingSignal(dieAfter: int.MaxValue);
        DeadlineRound resumed;
        await using (var second = new Instance(_database!, _time, afterRestart))
        {
            _ = second.Services;
            var round = second.Rounds.NextAsync();
            _time.Advance(CaseDeadlineService.Interval);
            resumed = await round.WaitAsync(RoundTimeout, Ct);
        }

        Assert.NotNull(interrupted.Failure);
        Assert.Null(resumed.Failure);
        Assert.Equal(Promises - 1, resumed.Changed);
        await using var check = new AppDbContext(DatabaseSetup.BuildOptions(_database!.Settings));
        var states = await check.Commitments.Where(c => promises.Contains(c.Id)).Select(c => c.State).ToListAsync(Ct);
        Assert.Equal(Promises, states.Count(state => state == CommitmentState.Broken));
        Assert.Equal(Promises, await check.Set<CaseEvent>().CountAsync(e => e.Kind == CaseEventKind.CommitmentBroken && promises.Contains(e.CommitmentId!.Value), Ct));
    }

    /// <summary>One instance of the web app on the shared database and clock, which stops as <paramref name="signal"/> says.</summary>
    private sealed class Instance(TestDatabase database, TimeProvider time, DyingSignal signal) : WebApplicationFactory<Program>
    {
        public DeadlineRounds Rounds => Services.GetRequiredService<DeadlineRounds>();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", database.Provider.ToString());
            builder.UseSetting("ConnectionStrings:Moment", database.ConnectionString);
            builder.UseSetting("Demo:Enabled", "true");
            builder.ConfigureLogging(logging => logging.ClearProviders());
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(time);
                services.AddSingleton<FeedSignal>(signal);
            });
        }
    }

    /// <summary>Once armed, the instance "dies" (its round fails) right after its <c>dieAfter</c>-th commit of a case change.</summary>
    private sealed class DyingSignal(int dieAfter) : FeedSignal
    {
        private int _commits;

        public bool Armed { get; set; }

        public override void Poke()
        {
            base.Poke();
            if (Armed && Interlocked.Increment(ref _commits) >= dieAfter)
                throw new InvalidOperationException("The instance stops here, half-way through its round.");
        }
    }
}

public sealed class DeadlineServiceTestsOnSqlite() : DeadlineServiceTests(DatabaseProvider.Sqlite);

public sealed class DeadlineServiceTestsOnPostgres() : DeadlineServiceTests(DatabaseProvider.Postgres);
