using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Moment.TestSupport;

namespace Moment.Web.Tests.Queues;

/// <summary>
/// The queue wall and the queue settings as pages, on every provider: who may see them (those who lead see the wall,
/// administrators the settings; others are sent to "access denied", strangers to sign in), what the wall shows of a
/// waiting customer (their wait and place, never their name), and the settings form's post, redirect, get with each
/// mistake at its field in the reader's language. The live part is the browser's (QueueWallTests).
/// </summary>
public abstract partial class QueuePagesTests(MomentApp app) : IAsyncLifetime
{
    private const string Astrid = "astrid.lind@moment.test";   // Administrator
    private const string Maria = "maria.berg@moment.test";     // Manager
    private const string Nora = "nora.vik@moment.test";        // TeamLead, Chat
    private const string Johan = "johan.ek@moment.test";       // TeamLead, Phone
    private const string Lina = "lina.strom@moment.test";      // Agent, Chat
    private const string Omar = "omar.said@moment.test";       // Frontline
    private const string Per = "per.dahl@moment.test";         // Leadership

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Wall_ForThoseWhoLead_ShowsTheQueue_OthersAreDeniedAndStrangersSignIn()
    {
        var (queue, name) = await NewQueueAsync();

        foreach (var lead in new[] { Nora, Johan, Maria, Astrid })
        {
            using var client = await app.SignedInClientAsync(lead);
            using var wall = await client.GetAsync($"/queues/{queue}/wall", Ct);
            Assert.Equal(HttpStatusCode.OK, wall.StatusCode);
            Assert.Contains(name, WebUtility.HtmlDecode(await wall.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
            Assert.Contains($"queues/{queue}/wall", await PageAsync(client, "/queues"), StringComparison.Ordinal);
        }

        foreach (var other in new[] { Lina, Omar, Per })
        {
            using var client = await app.SignedInClientAsync(other);
            foreach (var path in new[] { $"/queues/{queue}/wall", "/queues" })
            {
                using var denied = await client.GetAsync(path, Ct);
                Assert.Contains("/account/access-denied", denied.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
            }
        }

        using var stranger = app.BrowserClient(new CookieContainer());
        using var login = await stranger.GetAsync($"/queues/{queue}/wall", Ct);
        Assert.Contains("/account/login", login.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wall_OfAQueueThatDoesNotExist_IsNotFound()
    {
        using var nora = await app.SignedInClientAsync(Nora);

        using var wall = await nora.GetAsync($"/queues/{Guid.NewGuid()}/wall", Ct);

        Assert.Contains("/not-found", wall.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wall_WithACustomerWaiting_ShowsTheirPlaceAndWait_NeverTheirNameOrQuestion()
    {
        var (queue, _) = await NewQueueAsync();
        using var customer = app.CreateClient();
        using var started = await customer.PostAsJsonAsync("/api/public/chat",
            new { queueId = queue, name = "Greta Väggsdotter", question = "Min router blinkar rött.", language = "sv" }, Ct);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        app.Time.Advance(TimeSpan.FromSeconds(75));
        using var nora = await app.SignedInClientAsync(Nora);

        var html = await PageAsync(nora, $"/queues/{queue}/wall");

        var line = LineTable().Match(html);
        Assert.True(line.Success, "The wall shows no line.");
        Assert.Single(Rows().Matches(line.Value));
        Assert.Contains("1:15", line.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("Greta", html, StringComparison.Ordinal);
        Assert.DoesNotContain("router", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_AreForAdministratorsOnly()
    {
        var (queue, name) = await NewQueueAsync();
        using var astrid = await app.SignedInClientAsync(Astrid);

        Assert.Contains(name, await PageAsync(astrid, "/admin/queues"), StringComparison.Ordinal);
        Assert.Contains(name, await PageAsync(astrid, $"/admin/queues/{queue}"), StringComparison.Ordinal);
        using (var blank = await astrid.GetAsync("/admin/queues/new", Ct))
            Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        foreach (var other in new[] { Maria, Nora, Lina, Per })
        {
            using var client = await app.SignedInClientAsync(other);
            foreach (var path in new[] { "/admin/queues", "/admin/queues/new", $"/admin/queues/{queue}" })
            {
                using var denied = await client.GetAsync(path, Ct);
                Assert.Contains("/account/access-denied", denied.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task NewQueue_Posted_RedirectsWith303ToItsPage_AndAWrongNormIsSaidAtItsFieldInSwedish()
    {
        using var astrid = await app.SignedInClientAsync(Astrid);
        var chat = (await astrid.GetFromJsonAsync<JsonElement>("/api/teams", Ct)).EnumerateArray()
            .First(t => t.GetProperty("name").GetString() == "Chat").GetProperty("id").GetGuid();
        var name = "Formkön " + Guid.NewGuid().ToString("N")[..6];
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.TeamId"] = chat.ToString(),
            ["Input.Skills"] = "billing",
            ["Input.OfferSeconds"] = "30",
            ["Input.Routing"] = "RoundRobin",
            ["Input.NormPercent"] = "150",
            ["Input.NormSeconds"] = "abc",
        };

        using var refused = await astrid.PostFormAsync("/admin/queues/new", "queue", fields);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"norm-share-error\">Normens andel ska vara mer än 0 % och högst 100 %.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"norm-seconds-error\">Ange svarstiden som ett helt antal sekunder.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(name, await PageAsync(astrid, "/admin/queues"), StringComparison.Ordinal);

        fields["Input.NormPercent"] = "95";
        fields["Input.NormSeconds"] = "180";
        using var saved = await astrid.PostFormAsync("/admin/queues/new", "queue", fields);

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var location = saved.Headers.Location?.OriginalString ?? "";
        Assert.Matches("/admin/queues/[0-9a-f-]{36}$", location);
        var queue = (await astrid.GetFromJsonAsync<JsonElement>("/api/queues", Ct)).EnumerateArray().Single(q => q.GetProperty("name").GetString() == name);
        Assert.Equal(("roundRobin", 0.95, 180, 30), (queue.GetProperty("routing").GetString(), queue.GetProperty("normShare").GetDouble(),
            queue.GetProperty("normSeconds").GetInt32(), queue.GetProperty("offerSeconds").GetInt32()));
        Assert.Contains("Kön är sparad.", await PageAsync(astrid, location), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotPairAndAgentCapacity_PostedOnTheQueuesPage_AreSaved()
    {
        var (queue, _) = await NewQueueAsync();
        using var astrid = await app.SignedInClientAsync(Astrid);
        var page = $"/admin/queues/{queue}";

        using var added = await astrid.PostFormAsync(page, "bot-add", new Dictionary<string, string>
        {
            ["NewPair.Question"] = "Hur byter jag lösenord?",
            ["NewPair.Answer"] = "Välj Glömt lösenord på inloggningssidan.",
        });
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        var answers = await astrid.GetFromJsonAsync<JsonElement>($"/api/queues/{queue}/bot-answers", Ct);
        Assert.Equal("Hur byter jag lösenord?", Assert.Single(answers.EnumerateArray()).GetProperty("question").GetString());

        var lina = (await astrid.GetFromJsonAsync<JsonElement>("/api/users", Ct)).EnumerateArray()
            .First(u => u.GetProperty("email").GetString() == Lina).GetProperty("id").GetGuid();
        using var tooMany = await astrid.PostFormAsync(page, $"agent-{lina:N}", new Dictionary<string, string> { ["AgentSkills"] = "sv, en", ["AgentChats"] = "11" });
        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        Assert.Contains($"id=\"agent-{lina:N}-chats-error\"", await tooMany.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var equipped = await astrid.PostFormAsync(page, $"agent-{lina:N}", new Dictionary<string, string> { ["AgentSkills"] = "sv, en", ["AgentChats"] = "2" });
        Assert.Equal(HttpStatusCode.SeeOther, equipped.StatusCode);
        using var linaClient = await app.ClientForAsync(Lina);
        var presence = (await linaClient.GetFromJsonAsync<JsonElement>("/api/queue/desk", Ct)).GetProperty("presence");
        Assert.Equal(("en,sv", 2), (presence.GetProperty("skills").GetString(), presence.GetProperty("chatCapacity").GetInt32()));
    }

    private async Task<(Guid Id, string Name)> NewQueueAsync()
    {
        using var astrid = await app.ClientForAsync(Astrid);
        var chat = (await astrid.GetFromJsonAsync<JsonElement>("/api/teams", Ct)).EnumerateArray().First(t => t.GetProperty("name").GetString() == "Chat").GetProperty("id").GetGuid();
        var skill = "w" + Guid.NewGuid().ToString("N")[..12];
        var name = "Väggkön " + skill;
        using var created = await astrid.PostAsJsonAsync("/api/queues", new { teamId = chat, name, skills = skill }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid(), name);
    }

    /// <summary>A page's HTML with its entities decoded: Blazor writes "ä" as "&#xE4;".</summary>
    private static async Task<string> PageAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path, Ct));

    [GeneratedRegex("<table id=\"wall-line\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex LineTable();

    [GeneratedRegex("<tr(?: class=\"[^\"]*\")?>\\s*<td>", RegexOptions.Singleline)]
    private static partial Regex Rows();
}

public sealed class QueuePagesTestsOnSqlite(SqliteQueueApp app) : QueuePagesTests(app), IClassFixture<SqliteQueueApp>;

public sealed class QueuePagesTestsOnPostgres(PostgresQueueApp app) : QueuePagesTests(app), IClassFixture<PostgresQueueApp>;
