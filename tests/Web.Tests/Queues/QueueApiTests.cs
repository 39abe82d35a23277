using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Data;
using Moment.Application.Queues;
using Moment.Domain.Queues;
using Moment.TestSupport;

namespace Moment.Web.Tests.Queues;

/// <summary>
/// The queue and the web chat through the API, on every provider: a customer starts a chat, is told their place and a
/// range of wait, an agent is offered it and owns the case it lands on with the whole conversation; a callback keeps its
/// place and is a promise; an unanswered offer lapses. Routing runs by hand here (<see cref="QueueSteps.RouteAsync"/>), so every
/// step is the test's own.
/// </summary>
public abstract class QueueApiTests(MomentApp app) : QueueSteps(app)
{
    [Fact]
    public async Task AChat_FromTheCustomersFirstMessage_ToAnAgentWhoOwnsTheCaseWithTheWholeConversation()
    {
        var (queue, skill) = await NewQueueAsync();
        using var lina = await AgentReadyAsync(Lina, skill);
        using var customer = App.CreateClient();

        var started = await StartAsync(customer, queue, "Margit Andersson", "Varför har jag fått två fakturor?", email: "margit.chat@example.se");
        var token = started.GetProperty("token").GetString()!;
        var standing = started.GetProperty("standing");
        Assert.Equal(("waiting", 1), (standing.GetProperty("state").GetString(), standing.GetProperty("position").GetInt32()));
        Assert.True(standing.GetProperty("waitTo").GetString() is { Length: > 0 });
        Assert.True(standing.GetProperty("open").GetBoolean());

        Assert.Equal(1, (await RouteAsync()).Offered);
        var offer = Assert.Single((await DeskAsync(lina)).GetProperty("offers").EnumerateArray());
        Assert.Equal("Varför har jag fått två fakturor?", offer.GetProperty("question").GetString());
        using var accepted = await lina.PostAsJsonAsync($"/api/queue/offers/{offer.GetProperty("contactId").GetGuid()}/accept", new { }, Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var answered = await accepted.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var number = answered.GetProperty("caseNumber").GetString()!;

        var @case = await lina.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Equal("Lina Ström", @case.GetProperty("owner").GetProperty("name").GetString());
        var conversation = Assert.Single((await lina.GetFromJsonAsync<JsonElement>($"/api/cases/{number}/conversations", Ct)).EnumerateArray());
        Assert.Equal(["Varför har jag fått två fakturor?"], conversation.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()));

        using var reply = await lina.PostAsJsonAsync($"/api/conversations/{conversation.GetProperty("id").GetGuid()}/messages",
            new { direction = "outbound", text = "Hej Margit, jag tittar på det nu." }, Ct);
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        using var written = await customer.PostAsJsonAsync($"/api/public/chat/{token}/messages", new { text = "<b>Tack!</b>" }, Ct);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);

        var seen = await customer.GetFromJsonAsync<JsonElement>($"/api/public/chat/{token}", Ct);
        Assert.Equal(("answered", "Lina"), (seen.GetProperty("state").GetString(), seen.GetProperty("agentName").GetString()));
        Assert.Equal(
            [("customer", "Varför har jag fått två fakturor?"), ("person", "Hej Margit, jag tittar på det nu."), ("customer", "<b>Tack!</b>")],
            seen.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("author").GetString(), m.GetProperty("text").GetString())));
        Assert.Contains(number, (await DeskAsync(lina)).GetProperty("held").EnumerateArray().Select(h => h.GetProperty("caseNumber").GetString()));
        using var ended = await lina.PostAsync($"/api/queue/contacts/{offer.GetProperty("contactId").GetGuid()}/end", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal("closed", Assert.Single((await lina.GetFromJsonAsync<JsonElement>($"/api/cases/{number}/conversations", Ct)).EnumerateArray()).GetProperty("state").GetString());
        await SetPresenceAsync(lina, "away");
    }

    [Fact]
    public async Task ACallback_KeepsItsPlaceAfterTheCustomerLeaves_IsAPromise_AndIsOfferedBeforeThoseBehindIt()
    {
        var (queue, skill) = await NewQueueAsync();
        using var lina = await AgentReadyAsync(Lina, skill);
        using var first = App.CreateClient();
        using var second = App.CreateClient();
        using var third = App.CreateClient();
        await StartAsync(first, queue, "Anna Först", "Min router blinkar rött.");
        var secondToken = (await StartAsync(second, queue, "Bertil Andra", "Jag vill säga upp mitt abonnemang.")).GetProperty("token").GetString()!;
        var thirdStart = await StartAsync(third, queue, "Cecilia Tredje", "Hur byter jag lösenord?");
        Assert.Equal(3, thirdStart.GetProperty("standing").GetProperty("position").GetInt32());

        using var asked = await second.PostAsJsonAsync($"/api/public/chat/{secondToken}/callback", new { phone = "070-123 45 67" }, Ct);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var callback = await asked.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("phone", "+46701234567", 2), (callback.GetProperty("callback").GetString(), callback.GetProperty("callbackNumber").GetString(), callback.GetProperty("position").GetInt32()));
        using var left = await second.PostAsync($"/api/public/chat/{secondToken}/leave", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        Assert.Equal(2, (await second.GetFromJsonAsync<JsonElement>($"/api/public/chat/{secondToken}", Ct)).GetProperty("position").GetInt32());

        var promise = await CallbackPromiseAsync(secondToken);
        Assert.Equal((CommitmentKindCallBack, "Nora Vik"), (promise.Kind, promise.Keeper));
        Assert.Contains("+46701234567", promise.What, StringComparison.Ordinal);

        await RouteAsync();
        await AcceptOnlyOfferAsync(lina, "Anna Först");
        await RouteAsync();
        var number = await AcceptOnlyOfferAsync(lina, "Bertil Andra", expectCallback: "+46701234567");

        var @case = await lina.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Equal("Lina Ström", @case.GetProperty("owner").GetProperty("name").GetString());
        Assert.Equal("Lina Ström", (await CallbackPromiseAsync(secondToken)).Keeper);
        await SetPresenceAsync(lina, "away");
    }

    [Fact]
    public async Task AnOfferNobodyAnswers_Lapses_TheAgentIsSetAway_AndTheNextAgentIsOffered()
    {
        var (queue, skill) = await NewQueueAsync();
        using var lina = await AgentReadyAsync(Lina, skill);
        App.Time.Advance(TimeSpan.FromSeconds(1));
        using var nora = await AgentReadyAsync(Nora, skill);
        using var customer = App.CreateClient();
        await StartAsync(customer, queue, "Dora Dröj", "Är ni där?");

        await RouteAsync();
        var before = await DeskAsync(lina);
        var offered = Assert.Single(before.GetProperty("offers").EnumerateArray());
        var lapsesBefore = before.GetProperty("presence").GetProperty("lapses").GetInt32();
        Assert.Empty((await DeskAsync(nora)).GetProperty("offers").EnumerateArray());
        App.Time.Advance(Queue.DefaultOfferTime);
        var round = await RouteAsync();

        Assert.Equal((1, 1), (round.Lapsed, round.Offered));
        var linasDesk = await DeskAsync(lina);
        Assert.Equal(("away", lapsesBefore + 1), (linasDesk.GetProperty("presence").GetProperty("state").GetString(), linasDesk.GetProperty("presence").GetProperty("lapses").GetInt32()));
        Assert.Empty(linasDesk.GetProperty("offers").EnumerateArray());
        using var late = await lina.PostAsJsonAsync($"/api/queue/offers/{offered.GetProperty("contactId").GetGuid()}/accept", new { }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("Dora Dröj", Assert.Single((await DeskAsync(nora)).GetProperty("offers").EnumerateArray()).GetProperty("customerName").GetString());
        await SetPresenceAsync(nora, "away");
    }

    [Fact]
    public async Task TheBotAnswersFirst_AskedForAPerson_HandsOverAtTheFirstPlace_AndTheAgentSeesItAll()
    {
        var (queue, skill) = await NewQueueAsync(botFirst: true);
        using var nora = await App.ClientForAsync(Nora);
        using var written = await nora.PutAsJsonAsync($"/api/queues/{queue}/bot-answers",
            new[] { new { question = "När kommer min faktura?", answer = "Fakturan kommer den 25:e varje månad." } }, Ct);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        using var early = App.CreateClient();
        using var later = App.CreateClient();

        var started = await StartAsync(early, queue, "Hanna Bot", "När kommer fakturan?");
        var token = started.GetProperty("token").GetString()!;
        Assert.Equal("withBot", started.GetProperty("standing").GetProperty("state").GetString());
        Assert.Contains(started.GetProperty("standing").GetProperty("messages").EnumerateArray(), m => m.GetProperty("author").GetString() == "moment"
            && m.GetProperty("text").GetString() == "Fakturan kommer den 25:e varje månad.");
        App.Time.Advance(TimeSpan.FromMinutes(2));
        await StartAsync(later, queue, "Ivar Direkt", "Annan fråga");

        using var asked = await early.PostAsJsonAsync($"/api/public/chat/{token}/messages", new { text = "Jag vill prata med en människa" }, Ct);
        var standing = await asked.Content.ReadFromJsonAsync<JsonElement>(Ct);

        // The bot's first line was Hanna's first message, before Ivar's: she is first in line.
        Assert.Equal(("waiting", 1), (standing.GetProperty("state").GetString(), standing.GetProperty("position").GetInt32()));
        using var lina = await AgentReadyAsync(Lina, skill);
        await RouteAsync();
        var offer = Assert.Single((await DeskAsync(lina)).GetProperty("offers").EnumerateArray());
        Assert.Equal("Hanna Bot", offer.GetProperty("customerName").GetString());
        using var accepted = await lina.PostAsJsonAsync($"/api/queue/offers/{offer.GetProperty("contactId").GetGuid()}/accept", new { }, Ct);
        var number = (await accepted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("caseNumber").GetString();
        var messages = Assert.Single((await lina.GetFromJsonAsync<JsonElement>($"/api/cases/{number}/conversations", Ct)).EnumerateArray())
            .GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList();
        Assert.Equal("När kommer fakturan?", messages[0]);
        Assert.Contains("Fakturan kommer den 25:e varje månad.", messages);
        Assert.Contains("Jag vill prata med en människa", messages);

        using var today = await nora.GetAsync($"/api/queues/{queue}/today", Ct);
        var day = await today.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(1, day.GetProperty("handedOverByBot").GetInt32());
        Assert.Equal("00:02:00", day.GetProperty("botHandOverAverage").GetString());
        await SetPresenceAsync(lina, "away");
    }

    [Fact]
    public async Task TheBotWithoutAnAnswerTwice_HandsOver_AndTalkToAPersonWorksAtAnyMoment()
    {
        var (queue, _) = await NewQueueAsync(botFirst: true);
        using var first = App.CreateClient();
        using var second = App.CreateClient();
        var firstToken = (await StartAsync(first, queue, "Jon Miss", "Något helt obegripligt")).GetProperty("token").GetString()!;
        var secondToken = (await StartAsync(second, queue, "Klara Knapp", "Hej")).GetProperty("token").GetString()!;

        using var missed = await first.PostAsJsonAsync($"/api/public/chat/{firstToken}/messages", new { text = "Fortfarande obegripligt" }, Ct);
        using var person = await second.PostAsync($"/api/public/chat/{secondToken}/person", null, Ct);

        Assert.Equal("waiting", (await missed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("state").GetString());
        Assert.Equal(("waiting", 2), ((await person.Content.ReadFromJsonAsync<JsonElement>(Ct)) is var p ? (p.GetProperty("state").GetString(), p.GetProperty("position").GetInt32()) : default));
    }

    [Fact]
    public async Task BadInput_IsRefusedClearly_AndNothingIsHalfStored()
    {
        var (queue, _) = await NewQueueAsync();
        using var customer = App.CreateClient();
        var token = (await StartAsync(customer, queue, "Erik Exempel", "Hej")).GetProperty("token").GetString()!;

        using var tooLong = await customer.PostAsJsonAsync($"/api/public/chat/{token}/messages", new { text = new string('a', 4001) }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("application/problem+json", tooLong.Content.Headers.ContentType?.MediaType);
        Assert.Single((await customer.GetFromJsonAsync<JsonElement>($"/api/public/chat/{token}", Ct)).GetProperty("messages").EnumerateArray());

        // The API speaks English (decision 0002); the field lets the widget say it in the customer's language.
        using var badNumber = await customer.PostAsJsonAsync($"/api/public/chat/{token}/callback", new { phone = "ring mig" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
        var problem = await badNumber.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("That is not a phone number we can call.", problem.GetProperty("errors").GetProperty("Phone")[0].GetString());
        Assert.Null((await customer.GetFromJsonAsync<JsonElement>($"/api/public/chat/{token}", Ct)).GetProperty("callback").GetString());

        using var unknown = await customer.GetAsync("/api/public/chat/not-a-token-anyone-has", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var noQueue = await customer.PostAsJsonAsync("/api/public/chat", new { queueId = Guid.NewGuid(), name = "X", question = "Y" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noQueue.StatusCode);
        using var noName = await customer.PostAsJsonAsync("/api/public/chat", new { queueId = queue, name = " ", question = "Y" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
    }

    [Fact]
    public async Task TheDaysMeasures_CountAnsweredAndAbandoned_AndHonesty()
    {
        var (queue, skill) = await NewQueueAsync();
        using var lina = await AgentReadyAsync(Lina, skill);
        using var stays = App.CreateClient();
        using var goes = App.CreateClient();
        await StartAsync(stays, queue, "Frida Stannar", "Fråga ett");
        var goesToken = (await StartAsync(goes, queue, "Gustav Går", "Fråga två")).GetProperty("token").GetString()!;
        using var left = await goes.PostAsync($"/api/public/chat/{goesToken}/leave", null, Ct);
        await RouteAsync();
        await AcceptOnlyOfferAsync(lina, "Frida Stannar");
        using var nora = await App.ClientForAsync(Nora);

        var today = await nora.GetFromJsonAsync<JsonElement>($"/api/queues/{queue}/today", Ct);

        Assert.Equal((2, 1, 1), (today.GetProperty("offered").GetInt32(), today.GetProperty("answered").GetInt32(), today.GetProperty("abandoned").GetInt32()));
        Assert.Equal(0.5, today.GetProperty("serviceLevel").GetDouble());
        Assert.Equal(1, today.GetProperty("honestyCounted").GetInt32());
        // Answered at once, inside a range that starts at 0 minutes.
        Assert.Equal(1.0, today.GetProperty("honesty").GetDouble());
        await SetPresenceAsync(lina, "away");
    }

    private const string CommitmentKindCallBack = "CallBack";

    private async Task<(string Kind, string Keeper, string What)> CallbackPromiseAsync(string token)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var hash = Application.Chat.ChatTokens.Hash(token);
        var caseId = await db.WaitingContacts.Where(c => c.ResumeTokenHash == hash).Select(c => c.CaseId).SingleAsync(Ct);
        var promise = await db.Commitments.Where(c => c.CaseId == caseId).SingleAsync(Ct);
        var keeper = await db.Users.Where(u => u.Id == promise.KeeperId).Select(u => u.DisplayName).SingleAsync(Ct);
        return (promise.Kind.ToString(), keeper, promise.What);
    }
}

/// <summary>An app whose routing runs only when a test runs it.</summary>
public abstract class QueueApp(Application.Data.DatabaseProvider provider) : MomentApp(provider)
{
    public override ValueTask InitializeAsync()
    {
        Settings["Queues:RouteInBackground"] = "false";
        Settings["RateLimits:Customer:PermitLimit"] = "100000";
        return base.InitializeAsync();
    }
}

public sealed class SqliteQueueApp() : QueueApp(Application.Data.DatabaseProvider.Sqlite);

public sealed class PostgresQueueApp() : QueueApp(Application.Data.DatabaseProvider.Postgres);

public sealed class QueueApiTestsOnSqlite(SqliteQueueApp app) : QueueApiTests(app), IClassFixture<SqliteQueueApp>;

public sealed class QueueApiTestsOnPostgres : QueueApiTests, IClassFixture<PostgresQueueApp>
{
    private readonly PostgresQueueApp _app;

    public QueueApiTestsOnPostgres(PostgresQueueApp app)
        : base(app) => _app = app;

    /// <summary>
    /// Two instances routing one line at once (two scopes, two connections, as two apps on one database would be):
    /// with two agents who take one chat each, exactly two offers are made however the rounds interleave, so no
    /// contact was offered twice and no agent beyond their capacity.
    /// </summary>
    [Fact]
    public async Task TwoInstancesRoutingAtOnce_NeverOfferOneContactTwice()
    {
        var (queue, skill) = await NewQueueAsync();
        using var lina = await AgentReadyAsync(Lina, skill, chatCapacity: 1);
        using var nora = await AgentReadyAsync(Nora, skill, chatCapacity: 1);
        for (var i = 0; i < 6; i++)
        {
            using var customer = _app.CreateClient();
            using var started = await customer.PostAsJsonAsync("/api/public/chat", new { queueId = queue, name = $"Kund {i}", question = "Hej", language = "sv" }, Ct);
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        }

        var rounds = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var scope = _app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RouteContacts>().HandleAsync(Ct);
        }));

        Assert.Equal(2, rounds.Sum(r => r.Offered));
        await using var check = _app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var offered = await db.WaitingContacts.Where(c => c.QueueId == queue && c.State == ContactState.Offered).Select(c => c.OfferedToId).ToListAsync(Ct);
        Assert.Equal(2, offered.Distinct().Count());
        foreach (var agent in new[] { lina, nora })
            (await agent.PutAsJsonAsync("/api/queue/presence", new { state = "away" }, Ct)).Dispose();
    }
}
