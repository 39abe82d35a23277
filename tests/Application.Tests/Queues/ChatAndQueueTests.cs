using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Chat;
using Moment.Application.Data;
using Moment.Application.Queues;
using Moment.Application.Staff;
using Moment.Domain.Cases;
using Moment.Domain.Queues;

namespace Moment.Application.Tests.Queues;

/// <summary>The queue's use cases on a real database of each provider, with the routing run by hand.</summary>
public abstract class ChatAndQueueTests(ApplicationHost host) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ACallback_IsAPromiseOnACaseKeptByTheTeamLead_UntilAnAgentTakesItWithTheCase()
    {
        var queue = await QueueAsync();
        await using var scope = host.Scope();
        var started = await scope.ServiceProvider.GetRequiredService<StartChat>().HandleAsync(
            new StartChatRequest(queue, "Bertil Andra", "Jag vill säga upp mitt abonnemang.", null, null, "sv"), Ct);

        var standing = await scope.ServiceProvider.GetRequiredService<AskForCallback>().HandleAsync(started.Token, new AskForCallbackRequest("070-123 45 67", false), Ct);

        Assert.Equal((CallbackWay.Phone, "+46701234567"), (standing.Callback, standing.CallbackNumber));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var contact = await db.WaitingContacts.AsNoTracking().SingleAsync(c => c.Id == standing.ContactId, Ct);
        var promise = await db.Commitments.AsNoTracking().SingleAsync(c => c.CaseId == contact.CaseId, Ct);
        Assert.Equal(CommitmentKind.CallBack, promise.Kind);
        Assert.Equal(await IdAsync(db, "nora.vik@moment.test"), promise.KeeperId);

        var lina = await AgentAsync("lina.strom@moment.test", queue);
        Assert.Equal(1, (await RouteAsync()).Offered);
        await using var answering = host.Scope();
        var answered = await answering.ServiceProvider.GetRequiredService<AnswerOffer>().HandleAsync(contact.Id, new AnswerOfferRequest(null), lina, Ct);

        Assert.Equal(contact.CaseNumber, answered.CaseNumber);
        await using var after = host.Scope();
        var check = after.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(lina.Id, await check.Cases.Where(c => c.Id == contact.CaseId).Select(c => c.OwnerId).SingleAsync(Ct));
        Assert.Equal(lina.Id, await check.Commitments.Where(c => c.Id == promise.Id).Select(c => c.KeeperId).SingleAsync(Ct));
        await AwayAsync(lina);
    }

    [Fact]
    public async Task EachCustomer_IsToldThePlaceAndRangeTheWholeLineGivesThem_TiesIncluded()
    {
        var queue = await QueueAsync();
        var lina = await AgentAsync("lina.strom@moment.test", queue);
        var tokens = new List<string>();
        var toldOnStarting = new List<int?>();
        for (var i = 0; i < 6; i++)
        {
            // Three at the same moment (ordered by id), then three a second apart, at moments finer than PostgreSQL keeps
            // (the place is compared with the stored moment: both go through the same conversion).
            if (i >= 3)
                host.Time.Advance(TimeSpan.FromSeconds(1) + TimeSpan.FromTicks(7));
            await using var scope = host.Scope();
            var started = await scope.ServiceProvider.GetRequiredService<StartChat>().HandleAsync(
                new StartChatRequest(queue, $"Kund {i}", "Min faktura är fel.", null, null, "sv"), Ct);
            tokens.Add(started.Token);
            toldOnStarting.Add(started.Standing.Position);
        }

        await using var reading = host.Scope();
        var line = await reading.ServiceProvider.GetRequiredService<QueueLines>().OfAsync(queue, Ct);
        var told = new List<PlaceInLine>();
        foreach (var token in tokens)
        {
            var standing = await reading.ServiceProvider.GetRequiredService<ReadChat>().HandleAsync(token, null, Ct);
            told.Add(new PlaceInLine(standing.ContactId, standing.Position!.Value, standing.WaitFrom, standing.WaitTo));
        }

        Assert.Equal([1, 2, 3, 4, 5, 6], told.Select(p => p.Position).Order());
        Assert.Equal([4, 5, 6], toldOnStarting.Skip(3));
        Assert.Equal(line.OrderBy(p => p.Position), told.OrderBy(p => p.Position));
        Assert.All(told, p => Assert.NotNull(p.To));
        await AwayAsync(lina);
    }

    [Fact]
    public async Task AnAgentWhoChoosesAwayAsTheirChatEnds_IsAway_AndTheChatIsEnded()
    {
        var queue = await QueueAsync();
        await using (var starting = host.Scope())
            await starting.ServiceProvider.GetRequiredService<StartChat>().HandleAsync(
                new StartChatRequest(queue, "Cilla Samtidig", "Jag har en fråga om min faktura.", null, null, "sv"), Ct);
        var lina = await AgentAsync("lina.strom@moment.test", queue);
        Assert.Equal(1, (await RouteAsync()).Offered);
        Guid contactId;
        await using (var answering = host.Scope())
        {
            var offered = await answering.ServiceProvider.GetRequiredService<AppDbContext>().WaitingContacts.AsNoTracking()
                .Where(c => c.QueueId == queue).Select(c => c.Id).SingleAsync(Ct);
            contactId = (await answering.ServiceProvider.GetRequiredService<AnswerOffer>().HandleAsync(offered, new AnswerOfferRequest(null), lina, Ct)).ContactId;
        }

        // Each side has read the agent's presence before the other saves (as when Away is pressed while "End the chat" is
        // still saving): the one that saves second finds the presence's version moved.
        await using var choosing = host.Scope();
        var choosingDb = choosing.ServiceProvider.GetRequiredService<AppDbContext>();
        await choosingDb.AgentPresences.SingleAsync(p => p.UserId == lina.Id, Ct);
        await using (var ending = host.Scope())
            await ending.ServiceProvider.GetRequiredService<EndContact>().HandleAsync(contactId, lina, Ct);

        var chosen = await choosing.ServiceProvider.GetRequiredService<SetPresence>().HandleAsync(lina, Presence.Away, Ct);

        Assert.Equal(Presence.Away, chosen.State);
        await using var after = host.Scope();
        var check = after.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(Presence.Away, await check.AgentPresences.Where(p => p.UserId == lina.Id).Select(p => p.State).SingleAsync(Ct));
        Assert.Equal(ContactState.Ended, await check.WaitingContacts.Where(c => c.Id == contactId).Select(c => c.State).SingleAsync(Ct));

        // And the other way round: the chat is ended after the agent's presence changed under the reader's feet.
        var second = await AgentAsync("lina.strom@moment.test", queue);
        await using (var starting = host.Scope())
            await starting.ServiceProvider.GetRequiredService<StartChat>().HandleAsync(
                new StartChatRequest(queue, "Cilla Samtidig", "En fråga till.", null, null, "sv"), Ct);
        Assert.Equal(1, (await RouteAsync()).Offered);
        await using (var answering = host.Scope())
        {
            var offered = await answering.ServiceProvider.GetRequiredService<AppDbContext>().WaitingContacts.AsNoTracking()
                .Where(c => c.QueueId == queue && c.State == ContactState.Offered).Select(c => c.Id).SingleAsync(Ct);
            contactId = (await answering.ServiceProvider.GetRequiredService<AnswerOffer>().HandleAsync(offered, new AnswerOfferRequest(null), second, Ct)).ContactId;
        }

        await using var endingLate = host.Scope();
        var endingDb = endingLate.ServiceProvider.GetRequiredService<AppDbContext>();
        await endingDb.AgentPresences.SingleAsync(p => p.UserId == second.Id, Ct);
        await AwayAsync(second);
        await endingLate.ServiceProvider.GetRequiredService<EndContact>().HandleAsync(contactId, second, Ct);

        await using var last = host.Scope();
        Assert.Equal(ContactState.Ended, await last.ServiceProvider.GetRequiredService<AppDbContext>().WaitingContacts
            .Where(c => c.Id == contactId).Select(c => c.State).SingleAsync(Ct));
    }

    private async Task<Actor> AgentAsync(string email, Guid queue)
    {
        await using var scope = host.Scope();
        var agent = Actor.Of((await scope.ServiceProvider.GetRequiredService<StaffCards>().FindByEmailAsync(email, Ct))!);
        var skills = await scope.ServiceProvider.GetRequiredService<QueueSettings>().FindAsync(queue, Ct);
        var lead = Actor.Of((await scope.ServiceProvider.GetRequiredService<StaffCards>().FindByEmailAsync("nora.vik@moment.test", Ct))!);
        await scope.ServiceProvider.GetRequiredService<EquipAgent>().HandleAsync(agent.Id, new EquipAgentRequest("sv, en, " + skills.Skills, 1), lead, Ct);
        await scope.ServiceProvider.GetRequiredService<SetPresence>().HandleAsync(agent, Presence.Available, Ct);
        return agent;
    }

    private async Task AwayAsync(Actor agent)
    {
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<SetPresence>().HandleAsync(agent, Presence.Away, Ct);
    }

    private async Task<RoutingRound> RouteAsync()
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<RouteContacts>().HandleAsync(Ct);
    }

    private async Task<Guid> QueueAsync()
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var chat = await db.Teams.Where(t => t.Name == "Chat").Select(t => t.Id).SingleAsync(Ct);
        var admin = Actor.Of((await scope.ServiceProvider.GetRequiredService<StaffCards>().FindByEmailAsync("astrid.lind@moment.test", Ct))!);
        var saved = await scope.ServiceProvider.GetRequiredService<QueueSettings>().SaveAsync(
            null, new SaveQueueRequest(chat, "Chatten", "q" + Guid.NewGuid().ToString("N")[..10], null, null, null, null, null), admin, Ct);
        return saved.Id;
    }

    private static Task<Guid> IdAsync(AppDbContext db, string email) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
}

public sealed class ChatAndQueueTestsOnSqlite(SqliteHost host) : ChatAndQueueTests(host), IClassFixture<SqliteHost>;

public sealed class ChatAndQueueTestsOnPostgres(PostgresHost host) : ChatAndQueueTests(host), IClassFixture<PostgresHost>;
