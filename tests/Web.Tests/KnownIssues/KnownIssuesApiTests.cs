using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moment.TestSupport;

namespace Moment.Web.Tests.KnownIssues;

/// <summary>/api/known-issues and the known issues on the case page, on every provider.</summary>
public abstract class KnownIssuesApiTests(MomentApp app) : IAsyncLifetime
{
    private const string TeamLead = "eva.sund@moment.test";
    private const string Host = "karin.nord@moment.test";

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Issue(string title) => new
    {
        title,
        product = "Bokningsappen",
        symptoms = "Appen stänger sig när man väljer plats på Android 14.",
        workaround = "Boka på webben.",
        status = "workaround",
        expectedFixOn = "2026-12-15",
        publicWording = "Appen kan stänga sig när du väljer plats. Boka på webben så länge.",
    };

    [Fact]
    public async Task KnownIssue_RegisteredLinkedAndFixed_CountsFailureDemandAndPromisesTheCustomer()
    {
        using var lead = await app.ClientForAsync(TeamLead);
        using var host = await app.ClientForAsync(Host);
        using var refused = await host.PostAsJsonAsync("/api/known-issues", Issue("The host's own issue"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var created = await lead.PostAsJsonAsync("/api/known-issues", Issue("Seat choice crash, over the API"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("issue").GetProperty("id").GetGuid();
        var number = await host.NewCaseAsync("Appen stänger sig vid platsval", door: "onboard");

        using var linked = await host.PostAsJsonAsync($"/api/known-issues/{id}/cases", new { caseNumber = number }, Ct);
        using var again = await host.PostAsJsonAsync($"/api/known-issues/{id}/cases", new { caseNumber = number }, Ct);
        Assert.Equal(HttpStatusCode.Created, linked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var demand = await host.GetFromJsonAsync<JsonElement>("/api/known-issues/failure-demand", Ct);
        Assert.Equal(1, Assert.Single(demand.EnumerateArray(), w => w.GetProperty("issueId").GetGuid() == id).GetProperty("contacts").GetInt32());

        using var fixedResponse = await lead.PostAsJsonAsync($"/api/known-issues/{id}/fixed", new { promiseWording = "Vi hör av oss när appen är lagad." }, Ct);
        Assert.Equal(1, (await fixedResponse.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("promisesMade").GetInt32());
        var @case = await host.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Contains(@case.GetProperty("promises").EnumerateArray(), p => p.GetProperty("what").GetString() == "Vi hör av oss när appen är lagad.");

        using var told = await host.PostAsJsonAsync($"/api/known-issues/{id}/cases/{number}/told", new { }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, told.StatusCode);
        var after = await host.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Equal("kept", Assert.Single(after.GetProperty("promises").EnumerateArray(), p => p.GetProperty("what").GetString() == "Vi hör av oss när appen är lagad.")
            .GetProperty("state").GetString(), ignoreCase: true);
    }

    [Fact]
    public async Task CasePage_MatchingKnownIssue_IsShownAndLinkedWithOneTap()
    {
        using var lead = await app.ClientForAsync(TeamLead);
        using var created = await lead.PostAsJsonAsync("/api/known-issues", Issue("Seat choice crash, on the case page"), Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("issue").GetProperty("id").GetGuid();
        using var api = await app.ClientForAsync(Host);
        var number = await api.NewCaseAsync("Bokningsappen stänger sig när han väljer plats", door: "onboard");
        using var browser = await app.SignedInClientAsync(Host);

        var page = await browser.GetStringAsync($"/cases/{number}", Ct);
        Assert.Contains("Seat choice crash, on the case page", page, StringComparison.Ordinal);
        Assert.Contains("Boka på webben.", WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        using var posted = await browser.PostFormAsync($"/cases/{number}", $"link-issue-{id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var forCase = await api.GetFromJsonAsync<JsonElement>($"/api/known-issues/for-case/{number}", Ct);
        Assert.Contains(forCase.GetProperty("linked").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
    }
}

public sealed class KnownIssuesApiTestsOnSqlite(SqliteApp app) : KnownIssuesApiTests(app), IClassFixture<SqliteApp>;

public sealed class KnownIssuesApiTestsOnPostgres(PostgresApp app) : KnownIssuesApiTests(app), IClassFixture<PostgresApp>;
