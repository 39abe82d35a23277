using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moment.TestSupport;

namespace Moment.Web.Tests.Macros;

/// <summary>/api/macros and the canned replies on the case page, on every provider.</summary>
public abstract class MacrosApiTests(MomentApp app) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";
    private const string Erik = "erik.sjo@moment.test";
    private const string Johan = "johan.ek@moment.test";
    private const string Nora = "nora.vik@moment.test";

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Macro(string name, string body = "Hej {förnamn}! Ärende {ärendenummer}: {länk}", string use = "publicReply", Guid? teamId = null) =>
        new { name, body, language = "swedish", use, teamId };

    [Theory]
    [InlineData("two words", "Tack!", "swedish", "Name")]
    [InlineData("tack", "Hej {fornamn}!", "swedish", "Body")]
    [InlineData("tack", "Tack!", null, "Language")]
    public async Task PostMacro_BadInput_Is400ProblemNamingTheField(string name, string body, string? language, string field)
    {
        using var sara = await app.ClientForAsync(Sara);

        using var response = await sara.PostAsJsonAsync("/api/macros", new { name, body, language }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task AnotherTeamsMacro_IsRefusedAndSomeoneElsesOwnIsNotFound()
    {
        using var nora = await app.ClientForAsync(Nora);
        using var johan = await app.ClientForAsync(Johan);
        using var sara = await app.ClientForAsync(Sara);
        using var erik = await app.ClientForAsync(Erik);
        var chatTeam = (await nora.GetFromJsonAsync<JsonElement>("/api/teams", Ct)).EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Chat").GetProperty("id").GetGuid();
        var chats = await CreatedIdAsync(await nora.PostAsJsonAsync("/api/macros", Macro("chat-hello", teamId: chatTeam), Ct));
        var saras = await CreatedIdAsync(await sara.PostAsJsonAsync("/api/macros", Macro("sara-hello"), Ct));
        var number = await sara.NewCaseAsync("Telefonen är död");

        using var read = await sara.GetAsync($"/api/macros/{chats}", Ct);
        using var filled = await sara.GetAsync($"/api/macros/{chats}/for-case/{number}", Ct);
        using var changed = await johan.PutAsJsonAsync($"/api/macros/{chats}", Macro("chat-hello", "Hej!"), Ct);
        using var deleted = await johan.DeleteAsync($"/api/macros/{chats}", Ct);
        using var teamOfOther = await johan.PostAsJsonAsync("/api/macros", Macro("johan-in-chat", teamId: chatTeam), Ct);
        using var othersOwn = await erik.GetAsync($"/api/macros/{saras}", Ct);

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound],
            [read.StatusCode, filled.StatusCode, changed.StatusCode, deleted.StatusCode, teamOfOther.StatusCode, othersOwn.StatusCode]);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain((await sara.GetFromJsonAsync<JsonElement>("/api/macros", Ct)).EnumerateArray(), m => m.GetProperty("id").GetGuid() == chats);
    }

    [Fact]
    public async Task ForCase_FillsTheCustomersFirstNameTheNumberAndTheirLink()
    {
        using var sara = await app.ClientForAsync(Sara);
        var id = await CreatedIdAsync(await sara.PostAsJsonAsync("/api/macros", Macro("sara-link"), Ct));
        var number = await sara.NewCaseAsync("Telefonen är död");
        var token = await sara.CustomerTokenAsync(number);

        var filled = await sara.GetFromJsonAsync<JsonElement>($"/api/macros/{id}/for-case/{number}", Ct);

        Assert.Equal($"Hej Margit! Ärende {number}: http://localhost:5080/c/{token}", filled.GetProperty("text").GetString());
        Assert.Equal("publicReply", filled.GetProperty("use").GetString(), ignoreCase: true);
    }

    [Fact]
    public async Task CasePage_MacroChosenFromTheList_FillsTheReplyBoxAndAProposalProposesTheResolution()
    {
        using var sara = await app.ClientForAsync(Sara);
        var id = await CreatedIdAsync(await sara.PostAsJsonAsync("/api/macros", Macro("sara-solved", "Hej {förnamn}, nu fungerar telefonen igen.", "proposeResolution"), Ct));
        var number = await sara.NewCaseAsync("Telefonen är död");
        using var browser = await app.SignedInClientAsync(Sara);

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/cases/{number}?macro={id}", Ct));
        Assert.Contains(">Hej Margit, nu fungerar telefonen igen.</textarea>", page, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*id=\"note-propose\"[^>]*checked", page);

        var version = (await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct)).GetProperty("version").GetInt32();
        using var posted = await browser.PostFormAsync($"/cases/{number}", "note", new Dictionary<string, string>
        {
            ["Note.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Note.Text"] = "Hej Margit, nu fungerar telefonen igen.",
            ["Note.Propose"] = "true",
        });

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var after = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Equal("Hej Margit, nu fungerar telefonen igen.", after.GetProperty("proposedResolution").GetString());
    }

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        }
    }
}

public sealed class MacrosApiTestsOnSqlite(SqliteApp app) : MacrosApiTests(app), IClassFixture<SqliteApp>;

public sealed class MacrosApiTestsOnPostgres(PostgresApp app) : MacrosApiTests(app), IClassFixture<PostgresApp>;
