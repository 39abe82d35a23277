using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Queues;
using Moment.Domain.Queues;
using Moment.TestSupport;

namespace Moment.Web.Tests.Queues;

/// <summary>
/// The steps queue tests take through the API: a queue of the test's own, an agent ready for it, a customer's chat, the
/// desk's offers, a routing round run by hand.
/// </summary>
public abstract class QueueSteps(MomentApp app) : IAsyncLifetime
{
    protected const string Astrid = "astrid.lind@moment.test";   // Administrator
    protected const string Nora = "nora.vik@moment.test";       // TeamLead, Chat
    protected const string Lina = "lina.strom@moment.test";     // Agent, Chat

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected MomentApp App => app;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected async Task<(Guid Queue, string Skill)> NewQueueAsync(bool botFirst = false, string? name = null)
    {
        using var astrid = await app.ClientForAsync(Astrid);
        var chat = (await astrid.GetFromJsonAsync<JsonElement>("/api/teams", Ct)).EnumerateArray().First(t => t.GetProperty("name").GetString() == "Chat").GetProperty("id").GetGuid();
        // A skill of the test's own, so that what earlier tests left in their lines is never offered here.
        var skill = "t" + Guid.NewGuid().ToString("N")[..12];
        using var created = await astrid.PostAsJsonAsync("/api/queues", new { teamId = chat, name = name ?? "Chatten " + skill, skills = skill, botFirst }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid(), skill);
    }

    protected async Task<HttpClient> AgentReadyAsync(string email, string skill, int chatCapacity = AgentPresence.DefaultChatCapacity)
    {
        using var nora = await app.ClientForAsync(Nora);
        var client = await app.ClientForAsync(email);
        // What earlier tests left on this agent's desk is ended or lapses, so that their capacity is free for this test's contacts.
        app.Time.Advance(Queue.DefaultOfferTime + TimeSpan.FromSeconds(1));
        await RouteAsync();
        foreach (var held in (await DeskAsync(client)).GetProperty("held").EnumerateArray())
            (await client.PostAsync($"/api/queue/contacts/{held.GetProperty("contactId").GetGuid()}/end", null, Ct)).Dispose();
        var me = (await client.GetFromJsonAsync<JsonElement>("/api/me", Ct)).GetProperty("id").GetGuid();
        using var equipped = await nora.PutAsJsonAsync($"/api/staff/{me}/queue-skills", new { skills = $"sv, en, {skill}", chatCapacity }, Ct);
        Assert.Equal(HttpStatusCode.OK, equipped.StatusCode);
        await SetPresenceAsync(client, "available");
        return client;
    }

    protected static async Task SetPresenceAsync(HttpClient agent, string state)
    {
        using var set = await agent.PutAsJsonAsync("/api/queue/presence", new { state }, Ct);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
    }

    protected static async Task<JsonElement> StartAsync(HttpClient customer, Guid queue, string name, string question, string? email = null)
    {
        using var started = await customer.PostAsJsonAsync("/api/public/chat", new { queueId = queue, name, question, email, language = "sv" }, Ct);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        return await started.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    protected static async Task<JsonElement> DeskAsync(HttpClient agent) => await agent.GetFromJsonAsync<JsonElement>("/api/queue/desk", Ct);

    protected static async Task<string> AcceptOnlyOfferAsync(HttpClient agent, string customerName, string? expectCallback = null)
    {
        var offer = Assert.Single((await DeskAsync(agent)).GetProperty("offers").EnumerateArray());
        Assert.Equal(customerName, offer.GetProperty("customerName").GetString());
        if (expectCallback is not null)
            Assert.Equal(expectCallback, offer.GetProperty("callbackNumber").GetString());
        using var accepted = await agent.PostAsJsonAsync($"/api/queue/offers/{offer.GetProperty("contactId").GetGuid()}/accept", new { }, Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        return (await accepted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("caseNumber").GetString()!;
    }

    protected async Task<RoutingRound> RouteAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RouteContacts>().HandleAsync(Ct);
    }
}
