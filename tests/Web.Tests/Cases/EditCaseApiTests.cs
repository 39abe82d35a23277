using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moment.TestSupport;

namespace Moment.Web.Tests.Cases;

/// <summary><c>PUT /api/cases/{number}</c> on every provider: an edit with a reason, problem+json at the field at fault, 409 on a stale edit.</summary>
public abstract class EditCaseApiTests(MomentApp app) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";   // Agent, Phone
    private const string Johan = "johan.ek@moment.test";   // TeamLead, Phone

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Put_WithAReason_ChangesThePriority_AndTheTimelineListsTheChange()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Landline dead since Monday");
        var @case = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);

        using var response = await sara.PutAsJsonAsync($"/api/cases/{number}", Body(@case, priority: "urgent", reason: "She has an alarm on the line"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edited = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("urgent", edited.GetProperty("priority").GetString());
        var entry = edited.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal(("edited", "She has an alarm on the line"), (entry.GetProperty("kind").GetString(), entry.GetProperty("text").GetString()));
        var change = Assert.Single(entry.GetProperty("changes").EnumerateArray());
        Assert.Equal(("priority", "Normal", "Urgent"), (change.GetProperty("field").GetString(), change.GetProperty("from").GetString(), change.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task Put_WithAnEmptySubject_NoReason_OrNothingChanged_Returns400ProblemJson_AndChangesNothing()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Invoice charged twice");
        var @case = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);

        foreach (var (body, field) in new[]
        {
            (Body(@case, subject: " ", priority: "high"), "Subject"),
            (Body(@case, priority: "high", reason: ""), "Reason"),
            (Body(@case, caseTypeId: Guid.NewGuid(), priority: "high"), "CaseTypeId"),
            (Body(@case), null),
        })
        {
            using var response = await sara.PutAsJsonAsync($"/api/cases/{number}", body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            if (field is not null)
                Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for {field}");
            else
                Assert.Equal("Nothing to change: the case already has these details.", problem.GetProperty("detail").GetString());
        }

        var after = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Equal(("Invoice charged twice", "normal"), (after.GetProperty("subject").GetString(), after.GetProperty("priority").GetString()));
        Assert.DoesNotContain("edited", after.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Put_OnAStaleVersion_Returns409_AndTheFirstEditStands()
    {
        using var sara = await app.ClientForAsync(Sara);
        using var johan = await app.ClientForAsync(Johan);
        var number = await sara.NewCaseAsync("Modem restarts at night");
        var opened = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        using (var first = await johan.PutAsJsonAsync($"/api/cases/{number}", Body(opened, priority: "high", reason: "Third time this month"), Ct))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var stale = await sara.PutAsJsonAsync($"/api/cases/{number}", Body(opened, priority: "low", reason: "Works again"), Ct);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var after = await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Equal("high", after.GetProperty("priority").GetString());
    }

    /// <summary>The case's details as the GET gave them, with what the test changes, and the version it was read at.</summary>
    private static object Body(JsonElement @case, string? subject = null, Guid? caseTypeId = null, string? priority = null, string reason = "Corrected") => new
    {
        subject = subject ?? @case.GetProperty("subject").GetString(),
        caseTypeId = caseTypeId ?? @case.GetProperty("caseTypeId").GetGuid(),
        priority = priority ?? @case.GetProperty("priority").GetString(),
        teamId = @case.GetProperty("team").GetProperty("id").GetGuid(),
        reason,
        expectedVersion = @case.GetProperty("version").GetInt32(),
    };
}

public sealed class EditCaseApiTestsOnSqlite(SqliteApp app) : EditCaseApiTests(app), IClassFixture<SqliteApp>;

public sealed class EditCaseApiTestsOnPostgres(PostgresApp app) : EditCaseApiTests(app), IClassFixture<PostgresApp>;
