using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.ApiTokens;
using Moment.Application.Data;
using Moment.Domain;

namespace Moment.Application.Tests.ApiTokens;

public abstract class ApiTokenTests(ApplicationHost host) : IAsyncLifetime
{
    private const string Agent = "erik.sjo@moment.test";

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Create_StoresOnlyTheHashOfTheSecret()
    {
        await using var scope = host.Scope();

        var created = await scope.ServiceProvider.GetRequiredService<CreateApiToken>()
            .HandleAsync(new CreateApiTokenRequest(Agent, "export", null), TestContext.Current.CancellationToken);

        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ApiTokens.AsNoTracking()
            .SingleAsync(t => t.Id == created.Id, TestContext.Current.CancellationToken);
        Assert.StartsWith("mt_", created.Secret, StringComparison.Ordinal);
        Assert.NotEqual(created.Secret, stored.Hash);
        Assert.Equal(ApiToken.HashOf(created.Secret), stored.Hash);
        Assert.StartsWith(stored.Prefix, created.Secret, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_ThroughTheTokensLife_GivesTheRightVerdicts()
    {
        await using var scope = host.Scope();
        var create = scope.ServiceProvider.GetRequiredService<CreateApiToken>();
        var authenticate = scope.ServiceProvider.GetRequiredService<AuthenticateApiToken>();
        var created = await create.HandleAsync(new CreateApiTokenRequest(Agent, "expiring", host.Time.GetUtcNow().AddHours(1)), TestContext.Current.CancellationToken);
        var other = await create.HandleAsync(new CreateApiTokenRequest(Agent, "revoked", null), TestContext.Current.CancellationToken);

        var valid = await authenticate.HandleAsync(created.Secret, TestContext.Current.CancellationToken);
        await scope.ServiceProvider.GetRequiredService<RevokeApiToken>().HandleAsync(valid.User!.Id, other.Id, TestContext.Current.CancellationToken);
        var revoked = await authenticate.HandleAsync(other.Secret, TestContext.Current.CancellationToken);
        var unknown = await authenticate.HandleAsync("mt_nothing", TestContext.Current.CancellationToken);
        host.Time.Advance(TimeSpan.FromHours(1));
        var expired = await authenticate.HandleAsync(created.Secret, TestContext.Current.CancellationToken);

        Assert.Equal(ApiTokenVerdict.Valid, valid.Verdict);
        Assert.Equal(Agent, valid.User.Email);
        Assert.Equal(ApiTokenVerdict.Revoked, revoked.Verdict);
        Assert.Equal(ApiTokenVerdict.Unknown, unknown.Verdict);
        Assert.Equal(ApiTokenVerdict.Expired, expired.Verdict);
    }

    [Fact]
    public async Task Create_WithExpiryInThePast_IsRefused()
    {
        await using var scope = host.Scope();

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => scope.ServiceProvider.GetRequiredService<CreateApiToken>()
            .HandleAsync(new CreateApiTokenRequest(Agent, "late", host.Time.GetUtcNow().AddMinutes(-1)), TestContext.Current.CancellationToken));

        Assert.Equal("ExpiresAt", error.Field);
    }

    [Fact]
    public async Task Create_ForUnknownEmail_IsNotFound()
    {
        await using var scope = host.Scope();

        await Assert.ThrowsAsync<NotFoundException>(() => scope.ServiceProvider.GetRequiredService<CreateApiToken>()
            .HandleAsync(new CreateApiTokenRequest("nobody@moment.test", "x", null), TestContext.Current.CancellationToken));
    }
}

public sealed class ApiTokenTestsOnSqlite(SqliteHost host) : ApiTokenTests(host), IClassFixture<SqliteHost>;

public sealed class ApiTokenTestsOnPostgres(PostgresHost host) : ApiTokenTests(host), IClassFixture<PostgresHost>;
