using System.Net;
using Moment.Application.Data;
using Moment.TestSupport;

namespace Moment.Web.Tests.ScaleOut;

/// <summary>
/// The proxy's and the orchestrator's questions: is the process alive (<c>/health/live</c>, nothing but the process), and
/// may it take requests (<c>/health/ready</c>: the database answers, and Redis when it is configured). An instance whose
/// Redis is away is alive but not ready: its live news and cache news would stay on it.
/// </summary>
public abstract class HealthTests(MomentApp app, MomentApp redisAway) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task DatabaseAnswers_AliveAndReady()
    {
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);
    }

    [Fact]
    public async Task RedisAway_AliveButNotReady()
    {
        using var client = redisAway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
        using var ready = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}

/// <summary>The app configured with a Redis server that is not there (nothing listens on port 9 of loopback).</summary>
public class RedisAwayApp : MomentApp
{
    public RedisAwayApp(DatabaseProvider provider)
        : base(provider) => Settings["ConnectionStrings:Redis"] = "127.0.0.1:9,connectTimeout=500,connectRetry=0";
}

public sealed class RedisAwaySqliteApp() : RedisAwayApp(DatabaseProvider.Sqlite);

public sealed class RedisAwayPostgresApp() : RedisAwayApp(DatabaseProvider.Postgres);

public sealed class HealthTestsOnSqlite(SqliteApp app, RedisAwaySqliteApp redisAway)
    : HealthTests(app, redisAway), IClassFixture<SqliteApp>, IClassFixture<RedisAwaySqliteApp>;

public sealed class HealthTestsOnPostgres(PostgresApp app, RedisAwayPostgresApp redisAway)
    : HealthTests(app, redisAway), IClassFixture<PostgresApp>, IClassFixture<RedisAwayPostgresApp>;
