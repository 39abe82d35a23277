using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moment.Application.Data;

namespace Moment.TestSupport;

/// <summary>
/// The real web app on a real database of one provider, in demo mode, with a clock the test controls.
/// One per test class (a class fixture): the database is created on first use and dropped at the end.
/// </summary>
/// <param name="provider">The database to run on.</param>
/// <param name="fakeClock">False for browser tests: Blazor's circuits and data protection keep real time, and a frozen clock would expire them.</param>
/// <param name="clock">Without the fake clock: another clock than the system's, such as a <see cref="ShiftableClock"/>.</param>
/// <param name="sharedDatabase">A database another instance of the app also runs on; whoever made it drops it.</param>
public class MomentApp(DatabaseProvider provider, bool fakeClock = true, TimeProvider? clock = null, TestDatabase? sharedDatabase = null)
    : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public DatabaseProvider Provider { get; } = provider;

    /// <summary>Starts at a fixed Monday morning, so that tests about time read the same on every run.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    /// <summary>More settings for the app, set before it starts (such as higher rate limits for the browser tests).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The app fixture is not initialised.");

    public virtual async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && PostgresServer.ConnectionString is null)
            return;
        _database = sharedDatabase ?? await TestDatabase.CreateAsync(Provider);
    }

    /// <summary>Skips (locally) or fails (in CI) a test of a provider that is not configured.</summary>
    public void RequireProvider()
    {
        if (Provider == DatabaseProvider.Postgres)
            PostgresServer.RequireOrSkip();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Moment", Database.ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Moment:CustomerServicePhone", "08-465 004 50");
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            if (ServerErrorLog.FromEnvironment() is { } errors)
                logging.AddProvider(errors);
        });
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (fakeClock || clock is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(fakeClock ? Time : clock!));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null && sharedDatabase is null)
            await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp() : MomentApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : MomentApp(DatabaseProvider.Postgres);
