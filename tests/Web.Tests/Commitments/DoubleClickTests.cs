using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moment.TestSupport;

namespace Moment.Web.Tests.Commitments;

/// <summary>
/// Twenty presses at once of "ask for the manager" or "yes, you may contact me", on every provider: one request is made,
/// and every press is answered as a repeat is, never with a conflict.
/// </summary>
public abstract class DoubleClickTests(MomentApp app) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";
    private const int Presses = 20;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("manager-request", "managerContact", "managerRequested")]
    [InlineData("consent", "followUpAfterConsent", "consentGiven")]
    public async Task CustomerPressesTwentyTimesAtOnce_AllAre200AndOneRequestIsMade(string what, string kind, string timelineKind)
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Landline breaks again");
        var token = await sara.CustomerTokenAsync(number);
        using var customer = app.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, Presses).Select(_ => customer.PostAsync($"/api/public/cases/{token}/{what}", null, Ct)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        var told = await Task.WhenAll(answers.Select(answer => answer.Content.ReadFromJsonAsync<JsonElement>(Ct)));
        Assert.Single(told, t => t.GetProperty("isNew").GetBoolean());
        Assert.Single(told.Select(t => t.GetProperty("deadline").GetString()).Distinct());
        await AssertOneRequestAsync(sara, number, kind, timelineKind);
        foreach (var answer in answers)
            answer.Dispose();
    }

    [Fact]
    public async Task AgentRecordsTheManagerRequestTwentyTimesAtOnce_OneIsCreatedAndTheRestAre200()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Landline breaks again");

        var answers = await Task.WhenAll(Enumerable.Range(0, Presses).Select(_ => sara.PostAsJsonAsync($"/api/cases/{number}/manager-requests", new { }, Ct)));

        Assert.Equal(Presses - 1, answers.Count(answer => answer.StatusCode == HttpStatusCode.OK));
        Assert.Single(answers, answer => answer.StatusCode == HttpStatusCode.Created);
        await AssertOneRequestAsync(sara, number, "managerContact", "managerRequested");
        foreach (var answer in answers)
            answer.Dispose();
    }

    [Fact]
    public async Task AgentRecordsConsentTwentyTimesAtOnce_AllAre200AndOneIsMade()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Landline breaks again");

        var answers = await Task.WhenAll(Enumerable.Range(0, Presses).Select(_ => sara.PostAsync($"/api/cases/{number}/consent", null, Ct)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        await AssertOneRequestAsync(sara, number, "followUpAfterConsent", "consentGiven");
        foreach (var answer in answers)
            answer.Dispose();
    }

    private static async Task AssertOneRequestAsync(HttpClient client, string number, string kind, string timelineKind)
    {
        var @case = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Single(@case.GetProperty("promises").EnumerateArray(), p => p.GetProperty("kind").GetString() == kind);
        Assert.Single(@case.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == timelineKind);
    }
}

public sealed class DoubleClickTestsOnSqlite(SqliteApp app) : DoubleClickTests(app), IClassFixture<SqliteApp>;

public sealed class DoubleClickTestsOnPostgres(PostgresApp app) : DoubleClickTests(app), IClassFixture<PostgresApp>;
