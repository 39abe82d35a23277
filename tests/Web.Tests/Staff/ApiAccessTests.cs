using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Moment.Application.Demo;
using Moment.TestSupport;

namespace Moment.Web.Tests.Staff;

/// <summary>Sign-in to the API with personal tokens, and the problem+json answers to everything that goes wrong. Runs on every provider.</summary>
public abstract class ApiAccessTests(MomentApp app) : IAsyncLifetime
{
    protected const string Agent = "sara.holm@moment.test";
    protected const string Administrator = "astrid.lind@moment.test";

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Get_WithoutToken_Returns401ProblemJson()
    {
        using var response = await app.CreateClient().GetAsync("/api/me", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithValidToken_ReturnsCallerWithRolesAndTeam()
    {
        using var client = await app.ClientForAsync(Agent);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me", TestContext.Current.CancellationToken);

        Assert.Equal("Sara Holm", me.GetProperty("name").GetString());
        Assert.Equal(["Agent"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Phone", me.GetProperty("team").GetString());
    }

    [Fact]
    public async Task Get_WithUnknownToken_Returns401SayingSo()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "mt_not-a-real-token");

        using var response = await client.GetAsync("/api/me", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The API token is not known.", (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Get_WithExpiredToken_Returns401SayingExpired()
    {
        var token = await app.CreateTokenAsync(Agent, expiresAt: app.Time.GetUtcNow().AddDays(1));
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using (var before = await client.GetAsync("/api/me", TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        app.Time.Advance(TimeSpan.FromDays(1));
        using var after = await client.GetAsync("/api/me", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("The API token has expired.", (await ProblemAsync(after)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Token_CreatedThroughApi_WorksUntilRevoked()
    {
        using var agent = await app.ClientForAsync(Agent);
        using var created = await agent.PostAsJsonAsync("/api/me/tokens", new { name = "script" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var secret = body.GetProperty("secret").GetString()!;
        var id = body.GetProperty("id").GetGuid();
        using var script = app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using (var works = await script.GetAsync("/api/me", TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.OK, works.StatusCode);

        using var revoked = await agent.DeleteAsync($"/api/me/tokens/{id}", TestContext.Current.CancellationToken);
        using var refused = await script.GetAsync("/api/me", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("The API token has been revoked.", (await ProblemAsync(refused)).GetProperty("detail").GetString());
        var listed = await agent.GetFromJsonAsync<JsonElement>("/api/me/tokens", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(secret, listed.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_SomeoneElsesToken_Returns404AndLeavesItWorking()
    {
        var othersToken = await app.CreateTokenAsync(Administrator);
        using var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", othersToken);
        var tokens = await admin.GetFromJsonAsync<JsonElement>("/api/me/tokens", TestContext.Current.CancellationToken);
        var id = tokens.EnumerateArray().First().GetProperty("id").GetGuid();
        using var agent = await app.ClientForAsync(Agent);

        using var response = await agent.DeleteAsync($"/api/me/tokens/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var stillWorks = await admin.GetAsync("/api/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Fact]
    public async Task Get_AdministratorEndpointAsAgent_Returns403ProblemJson()
    {
        using var client = await app.ClientForAsync(Agent);

        using var response = await client.GetAsync("/api/users", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(403, (await ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Get_UsersAsAdministrator_ListsDemoStaffWithRolesAndTeams()
    {
        using var client = await app.ClientForAsync(Administrator);

        var users = await client.GetFromJsonAsync<JsonElement>("/api/users", TestContext.Current.CancellationToken);

        var johan = users.EnumerateArray().Single(u => u.GetProperty("email").GetString() == "johan.ek@moment.test");
        Assert.Equal("Phone", johan.GetProperty("teamName").GetString());
        Assert.Equal(["TeamLead"], johan.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(DemoAccounts.All.Count, users.GetArrayLength());
    }

    [Fact]
    public async Task Get_Teams_NamesTeamLeadAndResponsibleManager()
    {
        using var client = await app.ClientForAsync(Agent);

        var teams = await client.GetFromJsonAsync<JsonElement>("/api/teams", TestContext.Current.CancellationToken);

        var business = teams.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Business customers");
        Assert.Equal("Lars Borg", business.GetProperty("teamLeadName").GetString());
        Assert.Equal("Maria Berg", business.GetProperty("responsibleManagerName").GetString());
    }

    [Fact]
    public async Task Get_UnknownApiRoute_Returns404ProblemJson()
    {
        using var client = await app.ClientForAsync(Agent);

        using var response = await client.GetAsync("/api/no-such-thing", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/api/no-such-thing", (await ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400ProblemJsonAndCreatesNothing()
    {
        using var client = await app.ClientForAsync(Agent);
        var before = await client.GetFromJsonAsync<JsonElement>("/api/me/tokens", TestContext.Current.CancellationToken);

        using var response = await client.PostAsync("/api/me/tokens",
            new StringContent("{\"name\": \"oops\"", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("The request body is not valid JSON", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("   at ", problem.GetRawText(), StringComparison.Ordinal);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/me/tokens", TestContext.Current.CancellationToken);
        Assert.Equal(before.GetArrayLength(), after.GetArrayLength());
    }

    [Fact]
    public async Task Post_TokenWithoutName_Returns400NamingTheField()
    {
        using var client = await app.ClientForAsync(Agent);

        using var response = await client.PostAsJsonAsync("/api/me/tokens", new { name = "  " }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Name", out _));
    }

    [Fact]
    public async Task Health_LiveAndReady_AreHealthyOnTheDatabase()
    {
        using var client = app.CreateClient();

        using var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}

public sealed class ApiAccessTestsOnSqlite(SqliteApp app) : ApiAccessTests(app), IClassFixture<SqliteApp>;

public sealed class ApiAccessTestsOnPostgres(PostgresApp app) : ApiAccessTests(app), IClassFixture<PostgresApp>;
