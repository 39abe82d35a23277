using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moment.TestSupport;

namespace Moment.Web.Tests.Staffing;

/// <summary>/api/staffing on every provider: Erlang C and A, the what-if, the decision log, and who may use them.</summary>
public abstract class StaffingApiTests(MomentApp app) : IAsyncLifetime
{
    private const string Manager = "maria.berg@moment.test";
    private const string Leadership = "per.dahl@moment.test";
    private const string Agent = "sara.holm@moment.test";

    private static readonly object SmallWhatIf = new
    {
        forecast = "start,contacts,aht\n09:00,100,3m\n09:30,140,3m\n10:00,120,3m\n",
        plans = new object[] { new { agents = 14 }, new { name = "Lean", agentsPerInterval = new[] { 8, 10, 8 } } },
        patience = "5m",
        replications = 2,
    };

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ErlangC_IssueExample_Needs14AgentsAnd20AfterShrinkage()
    {
        using var client = await app.ClientForAsync(Manager);

        using var response = await client.PostAsJsonAsync("/api/staffing/erlang-c",
            new { contacts = 100, interval = "30m", aht = "3m", target = "80/20s", shrinkage = 0.3, maxOccupancy = 0.85 }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(14, answer.GetProperty("rawAgents").GetInt32());
        Assert.Equal(20, answer.GetProperty("agents").GetInt32());
        Assert.True(answer.GetProperty("meetsTargets").GetBoolean());
    }

    [Fact]
    public async Task ErlangA_GivenAgents_ReportsAbandonment()
    {
        using var client = await app.ClientForAsync(Leadership);

        var answer = await PostOkAsync(client, "/api/staffing/erlang-a", new { contacts = 100, aht = "3m", patience = "5m", agents = 14, target = "20s" });

        Assert.InRange(answer.GetProperty("abandonmentProbability").GetDouble(), 0.0001, 0.05);
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("rawAgents").ValueKind);
    }

    [Theory]
    [InlineData("erlang-c", """{ "contacts": 100, "aht": "3 minutes", "target": "80/20s" }""", "Aht")]
    [InlineData("erlang-c", """{ "contacts": 100, "aht": "3m", "agents": 9 }""", "Agents")]
    [InlineData("erlang-c", """{ "aht": "3m", "agents": 20 }""", "Contacts")]
    [InlineData("erlang-a", """{ "contacts": 100, "aht": "3m", "agents": 14 }""", "Patience")]
    [InlineData("erlang-a", """{ "contacts": 100, "aht": "3m", "patience": "5m", "target": "80/20s", "maxOccupancy": 1.5 }""", "MaxOccupancy")]
    [InlineData("simulations", """{ "forecast": "09:00,100,3m\n09:30,x,3m", "plans": [{ "agents": 10 }] }""", "Forecast")]
    [InlineData("simulations", """{ "plans": [{ "agents": 10, "agentsPerInterval": [1] }] }""", "Plans")]
    [InlineData("simulations", """{ "plans": [{ "agents": 40 }], "patience": "-5m" }""", "Patience")]
    public async Task Post_BadInput_Returns400ProblemNamingTheField(string endpoint, string json, string field)
    {
        using var client = await app.ClientForAsync(Manager);

        using var response = await client.PostAsync($"/api/staffing/{endpoint}",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.GetRawText());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task Simulations_BadForecastLine_SaysWhichLine()
    {
        using var client = await app.ClientForAsync(Manager);

        using var response = await client.PostAsJsonAsync("/api/staffing/simulations",
            new { forecast = "start,contacts,aht\n09:00,100,3m\n09:30,x,3m", plans = new[] { new { agents = 10 } } }, TestContext.Current.CancellationToken);

        Assert.Equal("Line 3: 'x' is not a number of contacts.", (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Simulations_DemoForecast80Versus40_ShowsTheQueueOfStory3()
    {
        using var client = await app.ClientForAsync(Leadership);

        var result = await PostOkAsync(client, "/api/staffing/simulations", new { plans = new[] { new { agents = 80 }, new { agents = 40 } } });

        var busiest = result.GetProperty("forecast").GetProperty("busiestInterval").GetInt32();
        var plans = result.GetProperty("plans");
        var fortyAtTen = plans[1].GetProperty("intervals")[busiest];
        Assert.Equal("10:00:00", fortyAtTen.GetProperty("start").GetString());
        Assert.InRange(fortyAtTen.GetProperty("averageWaitSeconds").GetDouble() / 60, 21, 25);
        Assert.InRange(fortyAtTen.GetProperty("abandonmentRate").GetDouble(), 0.28, 0.34);
        Assert.True(plans[0].GetProperty("day").GetProperty("serviceLevel").GetDouble() > 0.95);
        Assert.True(plans[1].GetProperty("leak").GetProperty("perYear").GetDecimal() > 100 * plans[0].GetProperty("leak").GetProperty("perYear").GetDecimal());
    }

    [Fact]
    public async Task DemoForecast_IsCsvTheSimulationsRead()
    {
        using var client = await app.ClientForAsync(Manager);

        using var response = await client.GetAsync("/api/staffing/demo-forecast", TestContext.Current.CancellationToken);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("start,contacts,aht\n07:00,", csv, StringComparison.Ordinal);
        Assert.Equal(27, csv.Trim().Split('\n').Length);
    }

    [Theory]
    [InlineData("POST", "/api/staffing/erlang-c")]
    [InlineData("POST", "/api/staffing/erlang-a")]
    [InlineData("POST", "/api/staffing/simulations")]
    [InlineData("GET", "/api/staffing/decisions")]
    [InlineData("POST", "/api/staffing/decisions")]
    [InlineData("GET", "/api/staffing/demo-forecast")]
    public async Task Staffing_AsAgent_Returns403ProblemJson(string method, string path)
    {
        using var client = await app.ClientForAsync(Agent);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { contacts = 100, aht = "3m", agents = 20 }) : null,
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(403, (await ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Decisions_RecordedByManager_LeadershipSeesThemWithTheWhatIfFrozen()
    {
        using var manager = await app.ClientForAsync(Manager);
        using var leadership = await app.ClientForAsync(Leadership);
        var simulated = await PostOkAsync(manager, "/api/staffing/simulations", SmallWhatIf);

        using var created = await manager.PostAsJsonAsync("/api/staffing/decisions",
            new { whatIf = SmallWhatIf, chosenPlan = 1, reason = "Lean plan for the spring; review in May." }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var decision = await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var id = decision.GetProperty("id").GetGuid();
        Assert.Equal($"/api/staffing/decisions/{id}", created.Headers.Location?.OriginalString);
        var listed = (await leadership.GetFromJsonAsync<JsonElement>("/api/staffing/decisions", TestContext.Current.CancellationToken))
            .EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == id);
        Assert.Equal("Maria Berg", listed.GetProperty("decidedBy").GetString());
        Assert.Equal("Lean plan for the spring; review in May.", listed.GetProperty("reason").GetString());
        Assert.Equal(app.Time.GetUtcNow(), listed.GetProperty("decidedAt").GetDateTimeOffset());
        Assert.Equal("Lean", listed.GetProperty("chosen").GetProperty("plan").GetProperty("name").GetString());
        Assert.Equal(simulated.GetProperty("plans").GetRawText(), listed.GetProperty("whatIf").GetProperty("plans").GetRawText());
        var one = await leadership.GetFromJsonAsync<JsonElement>($"/api/staffing/decisions/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(listed.GetRawText(), one.GetRawText());
    }

    [Fact]
    public async Task Decisions_RecordedByLeadership_Returns403AndRecordsNothing()
    {
        using var leadership = await app.ClientForAsync(Leadership);
        var before = (await leadership.GetFromJsonAsync<JsonElement>("/api/staffing/decisions", TestContext.Current.CancellationToken)).GetArrayLength();

        using var response = await leadership.PostAsJsonAsync("/api/staffing/decisions",
            new { whatIf = SmallWhatIf, chosenPlan = 1, reason = "Cut." }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, (await leadership.GetFromJsonAsync<JsonElement>("/api/staffing/decisions", TestContext.Current.CancellationToken)).GetArrayLength());
    }

    [Fact]
    public async Task TeamLead_MaySimulateButNotDecide()
    {
        using var teamLead = await app.ClientForAsync("johan.ek@moment.test");

        using var simulated = await teamLead.PostAsJsonAsync("/api/staffing/simulations", SmallWhatIf, TestContext.Current.CancellationToken);
        using var decided = await teamLead.PostAsJsonAsync("/api/staffing/decisions",
            new { whatIf = SmallWhatIf, chosenPlan = 0, reason = "Keep 14." }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, simulated.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, decided.StatusCode);
    }

    [Theory]
    [InlineData(1, "  ", "Reason")]
    [InlineData(5, "Why not.", "ChosenPlan")]
    public async Task Decisions_Invalid_Returns400NamingTheField(int chosenPlan, string reason, string field)
    {
        using var manager = await app.ClientForAsync(Manager);

        using var response = await manager.PostAsJsonAsync("/api/staffing/decisions",
            new { whatIf = SmallWhatIf, chosenPlan, reason }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Decision_Unknown_Returns404()
    {
        using var manager = await app.ClientForAsync(Manager);

        using var response = await manager.GetAsync($"/api/staffing/decisions/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<JsonElement> PostOkAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}

public sealed class StaffingApiTestsOnSqlite(SqliteApp app) : StaffingApiTests(app), IClassFixture<SqliteApp>;

public sealed class StaffingApiTestsOnPostgres(PostgresApp app) : StaffingApiTests(app), IClassFixture<PostgresApp>;
