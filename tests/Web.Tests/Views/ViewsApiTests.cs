using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moment.TestSupport;

namespace Moment.Web.Tests.Views;

/// <summary><c>/api/views</c> on every provider: the views with counts, a view's cases by keyset, saved views, problem+json at the field at fault.</summary>
public abstract class ViewsApiTests(MomentApp app) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";   // Agent, Phone
    private const string Erik = "erik.sjo@moment.test";    // Agent

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Get_AViewsCases_PagesByTheNextCursor_AndTheListCountsEachView()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Bredbandet går ner varje kväll");

        var views = await sara.GetFromJsonAsync<JsonElement>("/api/views", Ct);
        var mine = views.EnumerateArray().First(v => v.GetProperty("view").GetString() == "myOpen");
        Assert.True(mine.GetProperty("count").GetInt32() >= 1);
        Assert.Equal(6, views.EnumerateArray().Count(v => v.GetProperty("savedViewId").ValueKind == JsonValueKind.Null));

        var numbers = new List<string>();
        string? after = null;
        do
        {
            var page = await sara.GetFromJsonAsync<JsonElement>("/api/views/myOpen/cases?limit=1&sort=createdNewest" + (after is null ? "" : "&after=" + after), Ct);
            Assert.Equal(mine.GetProperty("count").GetInt32(), page.GetProperty("count").GetInt32());
            numbers.AddRange(page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("number").GetString()!));
            after = page.GetProperty("next").GetString();
        }
        while (after is not null);

        Assert.Equal(number, numbers[0]);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(mine.GetProperty("count").GetInt32(), numbers.Count);
    }

    [Fact]
    public async Task SavedView_IsSavedReadAndDeleted_ByItsOwnerOnly()
    {
        using var sara = await app.ClientForAsync(Sara);
        using var erik = await app.ClientForAsync(Erik);
        var name = "Brådskande " + Guid.NewGuid().ToString("N")[..6];

        using var created = await sara.PostAsJsonAsync("/api/views", new { name, view = "myTeam", priority = "urgent", sort = "createdOldest" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var page = await sara.GetFromJsonAsync<JsonElement>($"/api/views/{id}/cases", Ct);
        Assert.Equal(("myTeam", "createdOldest", "urgent"),
            (page.GetProperty("view").GetString(), page.GetProperty("sort").GetString(), page.GetProperty("filter").GetProperty("priority").GetString()));
        Assert.Contains((await sara.GetFromJsonAsync<JsonElement>("/api/views", Ct)).EnumerateArray(), v => v.GetProperty("name").GetString() == name);

        using (var twice = await sara.PostAsJsonAsync("/api/views", new { name, view = "myOpen" }, Ct))
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        using (var notHis = await erik.GetAsync($"/api/views/{id}/cases", Ct))
            Assert.Equal(HttpStatusCode.NotFound, notHis.StatusCode);
        using (var notHisToDelete = await erik.DeleteAsync($"/api/views/{id}", Ct))
            Assert.Equal(HttpStatusCode.NotFound, notHisToDelete.StatusCode);
        using (var deleted = await sara.DeleteAsync($"/api/views/{id}", Ct))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using (var gone = await sara.GetAsync($"/api/views/{id}/cases", Ct))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task BadInput_Returns400ProblemJson_NamingTheField()
    {
        using var sara = await app.ClientForAsync(Sara);

        foreach (var (path, field) in new[]
        {
            ("/api/views/everything/cases", "view"),
            ("/api/views/myOpen/cases?status=lost", "status"),
            ("/api/views/myOpen/cases?priority=soon", "priority"),
            ("/api/views/myOpen/cases?door=window", "door"),
            ("/api/views/myOpen/cases?team=the-best", "team"),
            ("/api/views/myOpen/cases?minAgeDays=-1", "minAgeDays"),
            ("/api/views/myOpen/cases?minAgeDays=5&maxAgeDays=2", "maxAgeDays"),
            ("/api/views/myOpen/cases?sort=random", "sort"),
            ("/api/views/myOpen/cases?after=page-7", "after"),
            ("/api/views/myOpen/cases?limit=1000", "limit"),
        })
        {
            using var response = await sara.GetAsync(path, Ct);
            await AssertProblemAtAsync(response, field);
        }

        using var noName = await sara.PostAsJsonAsync("/api/views", new { name = " ", view = "myOpen" }, Ct);
        await AssertProblemAtAsync(noName, "Name");
        using var badView = await sara.PostAsJsonAsync("/api/views", new { name = "Mina", view = "theirs" }, Ct);
        await AssertProblemAtAsync(badView, "view");
    }

    private static async Task AssertProblemAtAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for {field}: {problem}");
    }
}

public sealed class ViewsApiTestsOnSqlite(SqliteApp app) : ViewsApiTests(app), IClassFixture<SqliteApp>;

public sealed class ViewsApiTestsOnPostgres(PostgresApp app) : ViewsApiTests(app), IClassFixture<PostgresApp>;
