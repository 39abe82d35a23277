using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Moment.TestSupport;

namespace Moment.Web.Tests.Shell;

/// <summary>The parts of the app around the features: start page, errors, languages, OpenAPI. Pages do not depend on the provider, so SQLite only.</summary>
public sealed class ShellTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task StartPage_InDemoMode_ListsTheDemoAccountsAndPassword()
    {
        var html = await app.CreateClient().GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("maria.berg@moment.test", html, StringComparison.Ordinal);
        Assert.Contains("Moment-demo-2026", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sv-SE,sv;q=0.9", "Logga in", "lang=\"sv\"")]
    [InlineData("en-US,en;q=0.9", "Sign in", "lang=\"en\"")]
    [InlineData("de-DE", "Logga in", "lang=\"sv\"")]
    public async Task StartPage_Language_FollowsTheBrowserWithSwedishAsDefault(string acceptLanguage, string signIn, string htmlLang)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains(signIn, html, StringComparison.Ordinal);
        Assert.Contains(htmlLang, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPage_Anonymous_RedirectsToSignIn()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/admin/users", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_Returns404WithAPage()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", "en");

        using var response = await client.GetAsync("/no/such/page", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApiAndTheBearerScheme()
    {
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal("Moment API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/me/tokens", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.DoesNotContain(document.GetProperty("paths").EnumerateObject(), path => !path.Name.StartsWith("/api/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiReference_Page_IsServed()
    {
        using var response = await app.CreateClient().GetAsync("/api-reference", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Moment API", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
