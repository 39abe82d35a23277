using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Data;
using Moment.TestSupport;

namespace Moment.Web.Tests.Security;

/// <summary>
/// A change under /api made with the sign-in cookie must come from Moment's own pages: a form on another origin (even another
/// port of the same host, which SameSite=Lax lets through) is refused. Calls with an API token are not affected.
/// </summary>
public abstract class CrossSiteRequestTests(MomentApp app) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("http://127.0.0.1:1", null)]
    [InlineData("http://localhost:8080", null)]
    [InlineData("http://localhost:8080", "same-site")]
    [InlineData(null, "cross-site")]
    [InlineData(null, null)]
    [InlineData("null", null)]
    public async Task CookiePost_NotFromTheAppsOwnOrigin_Is403ProblemAndWritesNothing(string? origin, string? fetchSite)
    {
        using var browser = await BrowserWithoutOriginAsync();
        var before = await CaseCountAsync();

        using var response = await browser.SendAsync(RegisterCase(await CustomerIdAsync(), origin, fetchSite), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Equal(before, await CaseCountAsync());
    }

    [Theory]
    [InlineData(CookieSessions.Origin, null)]
    [InlineData(CookieSessions.Origin, "same-origin")]
    [InlineData(null, "same-origin")]
    public async Task CookiePost_FromTheAppsOwnOrigin_Works(string? origin, string? fetchSite)
    {
        using var browser = await BrowserWithoutOriginAsync();

        using var response = await browser.SendAsync(RegisterCase(await CustomerIdAsync(), origin, fetchSite), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task CookieGet_FromAnotherOrigin_IsNotAChangeAndWorks()
    {
        using var browser = await BrowserWithoutOriginAsync();
        browser.DefaultRequestHeaders.Add("Origin", "http://127.0.0.1:1");

        using var response = await browser.GetAsync("/api/me", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://127.0.0.1:1")]
    public async Task TokenPost_WithAnyOrNoOrigin_Works(string? origin)
    {
        using var script = await app.ClientForAsync(Sara);

        using var response = await script.SendAsync(RegisterCase(await CustomerIdAsync(), origin, null), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static HttpRequestMessage RegisterCase(Guid customerId, string? origin, string? fetchSite)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = JsonContent.Create(new { customerId, subject = "Double charge", door = "phone" }),
        };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        if (fetchSite is not null)
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return request;
    }

    /// <summary>Signed in as Sara; each test says which Origin (if any) the browser sends.</summary>
    private async Task<HttpClient> BrowserWithoutOriginAsync()
    {
        var browser = await app.SignedInClientAsync(Sara);
        browser.DefaultRequestHeaders.Remove("Origin");
        return browser;
    }

    private async Task<int> CaseCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.CountAsync(Ct);
    }

    private async Task<Guid> CustomerIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Customers.Select(c => c.Id).FirstAsync(Ct);
    }
}

public sealed class CrossSiteRequestTestsOnSqlite(SqliteApp app) : CrossSiteRequestTests(app), IClassFixture<SqliteApp>;

public sealed class CrossSiteRequestTestsOnPostgres(PostgresApp app) : CrossSiteRequestTests(app), IClassFixture<PostgresApp>;
