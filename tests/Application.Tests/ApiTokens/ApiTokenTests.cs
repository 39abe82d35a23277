using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.ApiTokens;
using Moment.Application.Caching;
using Moment.Application.Staff;
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
        await scope.ServiceProvider.GetRequiredService<RevokeApiToken>().HandleAsync(valid.Staff!.Id, other.Id, TestContext.Current.CancellationToken);
        var revoked = await authenticate.HandleAsync(other.Secret, TestContext.Current.CancellationToken);
        var unknown = await authenticate.HandleAsync("mt_nothing", TestContext.Current.CancellationToken);
        host.Time.Advance(TimeSpan.FromHours(1));
        var expired = await authenticate.HandleAsync(created.Secret, TestContext.Current.CancellationToken);

        Assert.Equal(ApiTokenVerdict.Valid, valid.Verdict);
        Assert.Equal(Agent, valid.Staff.Email);
        Assert.Equal(ApiTokenVerdict.Revoked, revoked.Verdict);
        Assert.Equal(ApiTokenVerdict.Unknown, unknown.Verdict);
        Assert.Equal(ApiTokenVerdict.Expired, expired.Verdict);
    }

    [Fact]
    public async Task Authenticate_AfterRevokingAKnownToken_RefusesAtOnce()
    {
        await using var scope = host.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateApiToken>()
            .HandleAsync(new CreateApiTokenRequest(Agent, "script", null), TestContext.Current.CancellationToken);
        var authenticate = scope.ServiceProvider.GetRequiredService<AuthenticateApiToken>();
        var before = await authenticate.HandleAsync(created.Secret, TestContext.Current.CancellationToken);

        await scope.ServiceProvider.GetRequiredService<RevokeApiToken>().HandleAsync(before.Staff!.Id, created.Id, TestContext.Current.CancellationToken);
        var after = await authenticate.HandleAsync(created.Secret, TestContext.Current.CancellationToken);

        Assert.Equal(ApiTokenVerdict.Valid, before.Verdict);
        Assert.Equal(ApiTokenVerdict.Revoked, after.Verdict);
    }

    [Fact]
    public async Task Authenticate_AfterDeactivatingTheOwner_RefusesAtOnce()
    {
        var owner = $"leaving-{Guid.NewGuid():N}@moment.test";
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<SaveStaffMember>().HandleAsync(
            new SaveStaffMemberRequest(null, "Leaving Soon", owner, [StaffRoles.Agent], null, IsActive: true, "Leaving-soon-2026"), TestContext.Current.CancellationToken);
        var created = await scope.ServiceProvider.GetRequiredService<CreateApiToken>()
            .HandleAsync(new CreateApiTokenRequest(owner, "script", null), TestContext.Current.CancellationToken);
        var authenticate = scope.ServiceProvider.GetRequiredService<AuthenticateApiToken>();
        var before = await authenticate.HandleAsync(created.Secret, TestContext.Current.CancellationToken);

        var card = before.Staff!;
        await scope.ServiceProvider.GetRequiredService<SaveStaffMember>().HandleAsync(
            new SaveStaffMemberRequest(card.Id, card.DisplayName, card.Email, card.Roles, card.TeamId, IsActive: false, null), TestContext.Current.CancellationToken);
        var after = await authenticate.HandleAsync(created.Secret, TestContext.Current.CancellationToken);

        Assert.Equal(ApiTokenVerdict.Valid, before.Verdict);
        Assert.Equal(ApiTokenVerdict.UserInactive, after.Verdict);
    }

    [Fact]
    public async Task Authenticate_RevokedByAnotherInstance_IsRefusedOnceTheCachedAnswerIsStale()
    {
        CreatedApiToken created;
        await using (var scope = host.Scope())
        {
            created = await scope.ServiceProvider.GetRequiredService<CreateApiToken>()
                .HandleAsync(new CreateApiTokenRequest(Agent, "elsewhere", null), TestContext.Current.CancellationToken);
        }

        await AuthenticateAsync(created.Secret);
        // Another instance of Moment revokes it: straight in the database, past this instance's cache.
        await using (var scope = host.Scope())
        {
            var now = host.Time.GetUtcNow();
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().ApiTokens.Where(t => t.Id == created.Id)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), TestContext.Current.CancellationToken);
        }

        var stillCached = await AuthenticateAsync(created.Secret);
        host.Time.Advance(ShortLivedCache<string, ValidApiToken>.Freshness);
        var afterFreshness = await AuthenticateAsync(created.Secret);

        Assert.Equal(ApiTokenVerdict.Valid, stillCached.Verdict);
        Assert.Equal(ApiTokenVerdict.Revoked, afterFreshness.Verdict);
    }

    /// <summary>As a request does: in a scope of its own.</summary>
    private async Task<ApiTokenCheck> AuthenticateAsync(string secret)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AuthenticateApiToken>().HandleAsync(secret, TestContext.Current.CancellationToken);
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
