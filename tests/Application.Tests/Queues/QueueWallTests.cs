using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Chat;
using Moment.Application.Data;
using Moment.Application.Queues;
using Moment.Application.Staff;
using Moment.Domain.Queues;

namespace Moment.Application.Tests.Queues;

/// <summary>
/// What the queue wall reads, on a real database of each provider: the line front first with each wait so far, a
/// callback with its promise's deadline (due once it comes within a quarter of an hour), and the agents with the queue's
/// skills who are at work, with what they are offered and hold now.
/// </summary>
public abstract class QueueWallTests(ApplicationHost host) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task TheLine_FrontFirst_WithWaitsSoFar_AndACallbackDueAsItsDeadlineNears()
    {
        var queue = await QueueAsync();
        await using (var scope = host.Scope())
            await scope.ServiceProvider.GetRequiredService<StartChat>().HandleAsync(new StartChatRequest(queue, "Anna Först", "Min router blinkar.", null, null, "sv"), Ct);
        host.Time.Advance(TimeSpan.FromSeconds(30));
        await using (var scope = host.Scope())
        {
            var second = await scope.ServiceProvider.GetRequiredService<StartChat>().HandleAsync(new StartChatRequest(queue, "Bertil Andra", "Säga upp.", null, null, "en"), Ct);
            await scope.ServiceProvider.GetRequiredService<AskForCallback>().HandleAsync(second.Token, new AskForCallbackRequest("070-123 45 67", false), Ct);
        }

        host.Time.Advance(TimeSpan.FromSeconds(60));
        var wall = await WallAsync(queue);

        Assert.Equal(
            [(1, TimeSpan.FromSeconds(90), (CallbackWay?)null, "sv"), (2, TimeSpan.FromSeconds(60), CallbackWay.Phone, "en")],
            wall.Line.Select(c => (c.Position, c.WaitedSoFar, c.Callback, c.Language)));
        var callback = wall.Line[1];
        Assert.NotNull(callback.CallbackDue);
        Assert.Equal((1, 0), (wall.CallbacksWaiting, wall.CallbacksDue));

        host.Time.Advance(callback.CallbackDue!.Value - host.Time.GetUtcNow() - QueueWall.DueSoon + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await WallAsync(queue)).CallbacksDue);
    }

    [Fact]
    public async Task TheAgents_WithTheQueuesSkills_ShowWhatTheyAreOfferedAndHoldNow_AndThoseAwayAreOnlyCounted()
    {
        var queue = await QueueAsync();
        var lina = await AgentAsync("lina.strom@moment.test", queue);
        await using (var scope = host.Scope())
            await scope.ServiceProvider.GetRequiredService<StartChat>().HandleAsync(new StartChatRequest(queue, "Cecilia Tredje", "Lösenord?", null, null, "sv"), Ct);
        await RouteAsync();

        var offered = Assert.Single((await WallAsync(queue)).Agents);
        Assert.Equal(("Lina Ström", Presence.Available, 0, 1), (offered.Name, offered.Presence, offered.Holding, offered.Offered));

        await using (var scope = host.Scope())
        {
            var contact = await scope.ServiceProvider.GetRequiredService<AppDbContext>().WaitingContacts.Where(c => c.QueueId == queue).Select(c => c.Id).SingleAsync(Ct);
            await scope.ServiceProvider.GetRequiredService<AnswerOffer>().HandleAsync(contact, new AnswerOfferRequest(null), lina, Ct);
        }

        var answered = await WallAsync(queue);
        Assert.Empty(answered.Line);
        Assert.Equal((1, 0), (Assert.Single(answered.Agents).Holding, answered.Agents[0].Offered));
        Assert.Equal(1, answered.Today.Answered);

        await using (var scope = host.Scope())
            await scope.ServiceProvider.GetRequiredService<SetPresence>().HandleAsync(lina, Presence.Away, Ct);
        var away = await WallAsync(queue);
        Assert.Empty(away.Agents);
        Assert.Equal(1, away.AgentsAway);
    }

    private async Task<WallView> WallAsync(Guid queue)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<QueueWall>().HandleAsync(queue, Ct);
    }

    private async Task<Actor> AgentAsync(string email, Guid queue)
    {
        await using var scope = host.Scope();
        var cards = scope.ServiceProvider.GetRequiredService<StaffCards>();
        var agent = Actor.Of((await cards.FindByEmailAsync(email, Ct))!);
        var skills = (await scope.ServiceProvider.GetRequiredService<QueueSettings>().FindAsync(queue, Ct)).Skills;
        var lead = Actor.Of((await cards.FindByEmailAsync("nora.vik@moment.test", Ct))!);
        await scope.ServiceProvider.GetRequiredService<EquipAgent>().HandleAsync(agent.Id, new EquipAgentRequest("sv, en, " + skills, 3), lead, Ct);
        await scope.ServiceProvider.GetRequiredService<SetPresence>().HandleAsync(agent, Presence.Available, Ct);
        return agent;
    }

    private async Task RouteAsync()
    {
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<RouteContacts>().HandleAsync(Ct);
    }

    private async Task<Guid> QueueAsync()
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var chat = await db.Teams.Where(t => t.Name == "Chat").Select(t => t.Id).SingleAsync(Ct);
        var admin = Actor.Of((await scope.ServiceProvider.GetRequiredService<StaffCards>().FindByEmailAsync("astrid.lind@moment.test", Ct))!);
        var saved = await scope.ServiceProvider.GetRequiredService<QueueSettings>().SaveAsync(
            null, new SaveQueueRequest(chat, "Väggen", "w" + Guid.NewGuid().ToString("N")[..10], null, null, null, null, null), admin, Ct);
        return saved.Id;
    }
}

public sealed class QueueWallTestsOnSqlite(SqliteHost host) : QueueWallTests(host), IClassFixture<SqliteHost>;

public sealed class QueueWallTestsOnPostgres(PostgresHost host) : QueueWallTests(host), IClassFixture<PostgresHost>;
