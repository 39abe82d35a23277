using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moment.TestSupport;

namespace Moment.Web.Tests.Mandates;

/// <summary>/api/mandates and the mandate on a case, on every provider, with the demo's limits.</summary>
public abstract class MandateApiTests(MomentApp app) : IAsyncLifetime
{
    private const string Host = "karin.nord@moment.test";

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mandate_WithinThenAboveTheLimit_IsDoneThenAskedOfANamedPersonAndReportedPerTeam()
    {
        using var host = await app.ClientForAsync(Host);
        var number = await host.NewCaseAsync("Appen stänger sig", door: "onboard");

        using var within = await host.PostAsJsonAsync($"/api/cases/{number}/mandate", new { kind = "goodwillCompensation", amount = 300, what = "Presentkort 300 kr" }, Ct);
        using var above = await host.PostAsJsonAsync($"/api/cases/{number}/mandate", new { kind = "goodwillCompensation", amount = 1500, what = "Presentkort 1500 kr" }, Ct);

        Assert.Equal(HttpStatusCode.OK, within.StatusCode);
        Assert.Equal("done", (await within.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("state").GetString(), ignoreCase: true);
        var asked = await above.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("requested", asked.GetProperty("state").GetString(), ignoreCase: true);
        Assert.Equal("Eva Sund", asked.GetProperty("askedName").GetString());
        var mine = await host.GetFromJsonAsync<JsonElement>("/api/mandates/mine", Ct);
        Assert.Contains(mine.EnumerateArray(), m => m.GetProperty("perCase").GetInt32() == 500 && m.GetProperty("givenThisMonth").GetInt32() >= 300);

        using var lead = await app.ClientForAsync("eva.sund@moment.test");
        var report = await lead.GetFromJsonAsync<JsonElement>("/api/mandates/report", Ct);
        Assert.Contains(report.EnumerateArray(), r => r.GetProperty("team").GetString() == "Onboard" && r.GetProperty("requests").GetInt32() >= 1);
    }

    [Fact]
    public async Task PutLimit_AsManager_SetsAPersonalExceptionAndAsAgentIsForbidden()
    {
        using var manager = await app.ClientForAsync("maria.berg@moment.test");
        using var agent = await app.ClientForAsync("sara.holm@moment.test");
        using var host = await app.ClientForAsync(Host);
        var karin = (await host.GetFromJsonAsync<JsonElement>("/api/me", Ct)).GetProperty("id").GetGuid();
        var body = new { kind = "refund", userId = karin, perCase = 100, perMonth = 1000 };

        using var refused = await agent.PutAsJsonAsync("/api/mandates/limits", body, Ct);
        using var set = await manager.PutAsJsonAsync("/api/mandates/limits", body, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("Karin Nord", (await set.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("person").GetString());
        var mine = await host.GetFromJsonAsync<JsonElement>("/api/mandates/mine", Ct);
        Assert.Contains(mine.EnumerateArray(), m => m.GetProperty("kind").GetString()!.Equals("refund", StringComparison.OrdinalIgnoreCase) && m.GetProperty("perCase").GetInt32() == 100);
    }
}

public sealed class MandateApiTestsOnSqlite(SqliteApp app) : MandateApiTests(app), IClassFixture<SqliteApp>;

public sealed class MandateApiTestsOnPostgres(PostgresApp app) : MandateApiTests(app), IClassFixture<PostgresApp>;
