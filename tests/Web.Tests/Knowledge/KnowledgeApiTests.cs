using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moment.TestSupport;

namespace Moment.Web.Tests.Knowledge;

/// <summary>/api/knowledge, /api/public/knowledge and the public knowledge page on every provider.</summary>
public abstract class KnowledgeApiTests(MomentApp app) : IAsyncLifetime
{
    private const string Agent = "sara.holm@moment.test";
    private const string Leadership = "per.dahl@moment.test";

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostArticle_AsAgent_IsCreatedRenderedSafelyAndFoundBySearch()
    {
        using var client = await app.ClientForAsync(Agent);

        using var created = await client.PostAsJsonAsync("/api/knowledge", new
        {
            title = "Larmcentralen svarar inte",
            body = "Ring **växeln** i stället. <script>alert(1)</script> [klicka](javascript:alert(1))",
            language = "swedish",
            visibility = "internal",
            reviewBy = "2027-06-01",
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var article = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var html = article.GetProperty("html").GetString()!;
        Assert.Contains("<strong>växeln</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Equal("Sara Holm", article.GetProperty("owner").GetString());
        var hits = await client.GetFromJsonAsync<JsonElement>("/api/knowledge/search?q=larmcentraler", Ct);
        Assert.Equal(article.GetProperty("id").GetGuid(), hits[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task PutArticle_NewText_AddsAVersion()
    {
        using var client = await app.ClientForAsync(Agent);
        using var created = await client.PostAsJsonAsync("/api/knowledge", new
        {
            title = "Routerns lampor",
            body = "Grön är bra.",
            language = "swedish",
            visibility = "internal",
            reviewBy = "2027-06-01",
        }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        using var revised = await client.PutAsJsonAsync($"/api/knowledge/{id}", new { body = "Grön är bra. Röd betyder fel.", expectedVersion = 1 }, Ct);

        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        var article = await revised.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(2, article.GetProperty("version").GetInt32());
        Assert.Equal(2, article.GetProperty("versions").GetArrayLength());
        using var stale = await client.PutAsJsonAsync($"/api/knowledge/{id}", new { body = "Gammal version.", expectedVersion = 1 }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task PostArticle_AsLeadership_IsForbidden()
    {
        using var client = await app.ClientForAsync(Leadership);

        using var response = await client.PostAsJsonAsync("/api/knowledge", new { title = "Råd", body = "Text.", reviewBy = "2027-06-01" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PublicKnowledge_SignedOut_ShowsPublicArticlesOnly()
    {
        using var staff = await app.ClientForAsync(Agent);
        async Task<Guid> WriteAsync(string title, string visibility)
        {
            using var created = await staff.PostAsJsonAsync("/api/knowledge", new
            {
                title,
                body = "Om snöskottning vid stationen.",
                language = "swedish",
                visibility,
                reviewBy = "2027-06-01",
            }, Ct);
            return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        }

        var open = await WriteAsync("Snöskottning publikt", "public");
        var closed = await WriteAsync("Snöskottning internt", "internal");
        using var anonymous = app.BrowserClient(new CookieContainer());

        var hits = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/knowledge?q=snöskottning&language=Swedish", Ct);
        using var hidden = await anonymous.GetAsync($"/api/public/knowledge/{closed}", Ct);
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/help/{open}", Ct));

        Assert.Contains(hits.EnumerateArray(), h => h.GetProperty("id").GetGuid() == open);
        Assert.DoesNotContain(hits.EnumerateArray(), h => h.GetProperty("id").GetGuid() == closed);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Contains("Snöskottning publikt", page, StringComparison.Ordinal);
    }
}

public sealed class KnowledgeApiTestsOnSqlite(SqliteApp app) : KnowledgeApiTests(app), IClassFixture<SqliteApp>;

public sealed class KnowledgeApiTestsOnPostgres(PostgresApp app) : KnowledgeApiTests(app), IClassFixture<PostgresApp>;
