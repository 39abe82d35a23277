using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moment.TestSupport;

namespace Moment.Web.Tests.Conversations;

/// <summary>Conversations through the API on every provider: beside the case, never a conflict with work on it, refusals as problem+json.</summary>
public abstract class ConversationApiTests(MomentApp app) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";          // Agent, Phone
    private const string Erik = "erik.sjo@moment.test";           // Agent, Phone
    private const string Leadership = "per.dahl@moment.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Conversation_StartWriteListClose_NeverChangesTheCaseVersion()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Chat about a refund", door: "chat");
        var version = await VersionAsync(sara, number);

        using var started = await sara.PostAsJsonAsync($"/api/cases/{number}/conversations",
            new { door = "chat", externalId = "chat-42", text = "Where is my refund?", messageExternalId = "chat-42-1" }, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var conversation = await started.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = conversation.GetProperty("id").GetGuid();
        Assert.Equal($"/api/conversations/{id}", started.Headers.Location?.OriginalString);
        Assert.Equal(("chat", "open"), (conversation.GetProperty("door").GetString(), conversation.GetProperty("state").GetString()));

        using var answer = await sara.PostAsJsonAsync($"/api/conversations/{id}/messages", new { direction = "outbound", text = "It is on its way." }, Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var message = await answer.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("Sara Holm", "queued", "outbound"),
            (message.GetProperty("author").GetProperty("name").GetString(), message.GetProperty("delivery").GetString(), message.GetProperty("direction").GetString()));

        using var closed = await sara.PostAsync($"/api/conversations/{id}/close", null, Ct);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("closed", (await closed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("state").GetString());

        var list = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}/conversations", Ct);
        var messages = Assert.Single(list.EnumerateArray()).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["Where is my refund?", "It is on its way."], messages.Select(m => m.GetProperty("text").GetString()));
        Assert.Equal(JsonValueKind.Null, messages[0].GetProperty("author").ValueKind);
        Assert.Equal("received", messages[0].GetProperty("delivery").GetString());
        Assert.Equal(version, await VersionAsync(sara, number));
    }

    [Fact]
    public async Task ChatMessages_DuringAHandOffThroughTheApi_NoConflict()
    {
        using var sara = await app.ClientForAsync(Sara);
        using var erik = await app.ClientForAsync(Erik);
        for (var round = 0; round < 5; round++)
        {
            var number = await sara.NewCaseAsync($"Chat during hand-off {round}", door: "chat");
            var version = await VersionAsync(sara, number);
            using var started = await sara.PostAsJsonAsync($"/api/cases/{number}/conversations", new { door = "chat", text = "Hello?" }, Ct);
            var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

            var answers = await Task.WhenAll(
                sara.PostAsJsonAsync($"/api/cases/{number}/handoffs",
                    new { toUserEmail = Erik, summary = "Refund, chat ongoing", reason = "Erik does refunds", expectedVersion = version }, Ct),
                sara.PostAsJsonAsync($"/api/conversations/{id}/messages", new { direction = "outbound", text = "One moment, please." }, Ct),
                erik.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Still there?" }, Ct));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created], answers.Select(a => a.StatusCode).Order());
            foreach (var answer in answers)
                answer.Dispose();
            Assert.Equal(version + 1, await VersionAsync(sara, number));
        }
    }

    [Fact]
    public async Task BadInput_AnswersProblemJson()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Problem answers", door: "email");
        using var started = await sara.PostAsJsonAsync($"/api/cases/{number}/conversations", new { door = "email" }, Ct);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        using var noDoor = await sara.PostAsJsonAsync($"/api/cases/{number}/conversations", new { text = "Hi" }, Ct);
        using var noText = await sara.PostAsJsonAsync($"/api/conversations/{id}/messages", new { direction = "outbound" }, Ct);
        foreach (var (response, field) in new[] { (noDoor, "Door"), (noText, "Text") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for {field}");
        }

        using var unknownCase = await sara.GetAsync("/api/cases/M-1999-999999/conversations", Ct);
        using var unknownConversation = await sara.PostAsJsonAsync($"/api/conversations/{Guid.NewGuid()}/messages", new { text = "Hi" }, Ct);
        using (await sara.PostAsync($"/api/conversations/{id}/close", null, Ct))
        {
        }

        using var closed = await sara.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "Hello again" }, Ct);
        using var leadership = await app.ClientForAsync(Leadership);
        using var forbidden = await leadership.GetAsync($"/api/cases/{number}/conversations", Ct);
        foreach (var (response, status) in new[]
                 {
                     (unknownCase, HttpStatusCode.NotFound), (unknownConversation, HttpStatusCode.NotFound), (closed, HttpStatusCode.Conflict),
                     (forbidden, HttpStatusCode.Forbidden),
                 })
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task CasePage_ShowsTheConversationsToStaffWhoServeCustomersOnly()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Chat shown on the case page", door: "chat");
        using var started = await sara.PostAsJsonAsync($"/api/cases/{number}/conversations", new { door = "chat", text = "My bill is wrong" }, Ct);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        using (await sara.PostAsJsonAsync($"/api/conversations/{id}/messages", new { direction = "outbound", text = "Let me look at it" }, Ct))
        {
        }

        using var saraBrowser = await app.SignedInClientAsync(Sara);
        saraBrowser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var page = WebUtility.HtmlDecode(await saraBrowser.GetStringAsync($"/cases/{number}", Ct));
        var section = page[page.IndexOf("id=\"conversations-heading\"", StringComparison.Ordinal)..];
        Assert.Contains("Ongoing", section, StringComparison.Ordinal);
        Assert.Matches("(?s)Customer</strong>\\s*<span> · inbound</span>.*?· Received</span></p>\\s*<p class=\"text\">My bill is wrong</p>", section);
        Assert.Matches("(?s)Sara Holm</strong>\\s*<span> · outbound</span>.*?· Queued</span></p>\\s*<p class=\"text\">Let me look at it</p>", section);

        using var board = await app.SignedInClientAsync(Leadership);
        var boardPage = await board.GetStringAsync($"/cases/{number}", Ct);
        Assert.DoesNotContain("conversations-heading", boardPage, StringComparison.Ordinal);
        Assert.DoesNotContain("My bill is wrong", boardPage, StringComparison.Ordinal);
    }

    private static async Task<int> VersionAsync(HttpClient client, string number) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct)).GetProperty("version").GetInt32();
}

public sealed class ConversationApiTestsOnSqlite(SqliteApp app) : ConversationApiTests(app), IClassFixture<SqliteApp>;

public sealed class ConversationApiTestsOnPostgres(PostgresApp app) : ConversationApiTests(app), IClassFixture<PostgresApp>;
