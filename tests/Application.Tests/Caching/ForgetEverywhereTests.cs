using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.ApiTokens;
using Moment.Application.Caching;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Application.Teams;

namespace Moment.Application.Tests.Caching;

/// <summary>
/// A change that makes a cached entry stale tells the other instances (after its commit), and news from another instance
/// makes this one forget at once, not when the entry grows old: the clock stands still in these tests.
/// </summary>
public abstract class ForgetEverywhereTests(InstancesHost host) : IAsyncLifetime
{
    private const string Agent = "erik.sjo@moment.test";
    private const string Leaver = "lina.strom@moment.test"; // deactivated by one test: the others must not depend on the order they run in
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task RevokeToken_TellsTheOthersItsHash()
    {
        await using var scope = host.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateApiToken>().HandleAsync(new CreateApiTokenRequest(Agent, "told", null), Ct);
        var owner = await scope.ServiceProvider.GetRequiredService<StaffCards>().FindByEmailAsync(Agent, Ct);

        await scope.ServiceProvider.GetRequiredService<RevokeApiToken>().HandleAsync(owner!.Id, created.Id, Ct);

        Assert.Contains(new StaleEntry(StaleKind.ApiToken, ApiToken.HashOf(created.Secret)), host.Others.Told);
    }

    [Fact]
    public async Task SaveTeam_TellsTheOthersTheTeam()
    {
        await using var scope = host.Scope();
        var team = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Teams.AsNoTracking().FirstAsync(Ct);

        await scope.ServiceProvider.GetRequiredService<SaveTeam>().HandleAsync(new SaveTeamRequest(team.Id, team.Name, team.TeamLeadId, team.ResponsibleManagerId), Ct);

        Assert.Contains(new StaleEntry(StaleKind.Team, team.Id.ToString()), host.Others.Told);
    }

    [Fact]
    public async Task NewsFromAnotherInstance_DeactivatedPerson_IsForgottenAtOnce()
    {
        var card = await FindAsync(Leaver);
        // Another instance deactivates them: straight in the database, past this instance's cache, and says so.
        await using (var scope = host.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == card.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false), Ct);
        }

        var stillCached = await FindAsync(Leaver);
        await using (var scope = host.Scope())
            scope.ServiceProvider.GetRequiredService<ForgetEverywhere>().Forget(new StaleEntry(StaleKind.StaffMember, card.Id.ToString()));
        var afterNews = await FindAsync(Leaver);

        Assert.True(stillCached.IsActive);
        Assert.False(afterNews.IsActive);
    }

    private async Task<StaffCard> FindAsync(string email)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<StaffCards>().FindByEmailAsync(email, Ct)
            ?? throw new InvalidOperationException($"No {email}.");
    }
}

/// <summary>The application with other instances that only listen: what they were told is kept.</summary>
public class InstancesHost(DatabaseProvider provider) : ApplicationHost(provider)
{
    public ListeningInstances Others { get; } = new();

    protected override void AddServices(IServiceCollection services) => services.AddSingleton<IOtherInstances>(Others);
}

public sealed class ListeningInstances : IOtherInstances
{
    private readonly ConcurrentQueue<StaleEntry> _told = new();

    public IReadOnlyList<StaleEntry> Told => [.. _told];

    public Task TellAsync(StaleEntry entry, CancellationToken cancellationToken)
    {
        _told.Enqueue(entry);
        return Task.CompletedTask;
    }
}

public sealed class SqliteInstancesHost() : InstancesHost(DatabaseProvider.Sqlite);

public sealed class PostgresInstancesHost() : InstancesHost(DatabaseProvider.Postgres);

public sealed class ForgetEverywhereTestsOnSqlite(SqliteInstancesHost host) : ForgetEverywhereTests(host), IClassFixture<SqliteInstancesHost>;

public sealed class ForgetEverywhereTestsOnPostgres(PostgresInstancesHost host) : ForgetEverywhereTests(host), IClassFixture<PostgresInstancesHost>;
