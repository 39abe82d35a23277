using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moment.TestSupport;

namespace Moment.Web.Tests.Cases;

/// <summary>
/// <c>POST /api/cases/bulk</c> on every provider: one action on many cases with one timeline entry each, problem+json that
/// names the refused case, and nothing saved when any case is refused.
/// </summary>
public abstract class BulkCasesApiTests(MomentApp app) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";   // Agent, Phone
    private const string Johan = "johan.ek@moment.test";   // TeamLead, Phone
    private const string Lina = "lina.strom@moment.test";  // Agent, Chat

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Post_PriorityOfTheTeamsCases_ByTheTeamLead_ChangesEach_WithOneEditedEntry()
    {
        using var sara = await app.ClientForAsync(Sara);
        using var johan = await app.ClientForAsync(Johan);
        string[] numbers = [await sara.NewCaseAsync("Invoice charged twice"), await sara.NewCaseAsync("Invoice charged three times")];

        using var response = await johan.PostAsJsonAsync("/api/cases/bulk", new { action = "priority", numbers, priority = "high", reason = "A business customer" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("priority", done.GetProperty("action").GetString());
        Assert.Equal(numbers, done.GetProperty("numbers").EnumerateArray().Select(n => n.GetString()));
        foreach (var number in numbers)
        {
            var @case = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
            Assert.Equal("high", @case.GetProperty("priority").GetString());
            var edited = Assert.Single(@case.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "edited");
            Assert.Equal("A business customer", edited.GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task Post_WithAnotherTeamsCase_Returns403ProblemNamingIt_AndNoCaseChanges()
    {
        using var sara = await app.ClientForAsync(Sara);
        using var lina = await app.ClientForAsync(Lina);
        using var johan = await app.ClientForAsync(Johan);
        var ours = await sara.NewCaseAsync("Modem restarts at night");
        var theirs = await lina.NewCaseAsync("Chat login fails");

        using var response = await johan.PostAsJsonAsync("/api/cases/bulk", new { action = "priority", numbers = new[] { ours, theirs }, priority = "urgent", reason = "Outage" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(theirs, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        foreach (var number in new[] { ours, theirs })
            Assert.Equal("normal", (await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct)).GetProperty("priority").GetString());
    }

    [Fact]
    public async Task Post_AboveTheLimit_Returns400AtNumbers_AndAsAnAgent_Returns403()
    {
        using var sara = await app.ClientForAsync(Sara);
        using var johan = await app.ClientForAsync(Johan);
        var number = await sara.NewCaseAsync("Bill in the wrong name");
        var tooMany = Enumerable.Range(1, 101).Select(i => $"M-2026-{i:000000}").ToArray();

        using var above = await johan.PostAsJsonAsync("/api/cases/bulk", new { action = "priority", numbers = tooMany, priority = "low", reason = "Tidying" }, Ct);
        using var agent = await sara.PostAsJsonAsync("/api/cases/bulk", new { action = "priority", numbers = new[] { number }, priority = "low", reason = "Tidying" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, above.StatusCode);
        var problem = await above.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Choose at most 100 cases at a time; you chose 101.", Assert.Single(problem.GetProperty("errors").GetProperty("Numbers").EnumerateArray()).GetString());
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
    }
}

public sealed class BulkCasesApiTestsOnSqlite(SqliteApp app) : BulkCasesApiTests(app), IClassFixture<SqliteApp>;

public sealed class BulkCasesApiTestsOnPostgres(PostgresApp app) : BulkCasesApiTests(app), IClassFixture<PostgresApp>;
