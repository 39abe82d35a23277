using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Moment.TestSupport;

namespace Moment.Web.Tests.Security;

/// <summary>
/// A request that is wrong (a form without its antiforgery token, a return address with control characters) gets a 4xx and a
/// page in the reader's language that says what to do, never a 500 or a stack trace, in Development too. SQLite only.
/// </summary>
public sealed class BadRequestTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/\tx")]
    [InlineData("/\r\nLocation: http://evil.example")]
    [InlineData("/\u007f")]
    public async Task LanguageSwitch_WithControlCharactersInTheReturnAddress_GoesToTheStartPage(string returnUrl)
    {
        using var browser = app.BrowserClient(new CookieContainer());

        using var response = await browser.PostFormAsync("/", null, new Dictionary<string, string> { ["culture"] = "en-GB", ["returnUrl"] = returnUrl }, "/language");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("Testing", "/account/login", "en", "The request could not be handled")]
    [InlineData("Testing", "/account/login", "sv", "Begäran kunde inte hanteras")]
    [InlineData("Development", "/account/login", "en", "The request could not be handled")]
    [InlineData("Development", "/language", "en", "The request could not be handled")]
    [InlineData("Development", "/account/logout", "sv", "Begäran kunde inte hanteras")]
    [InlineData("Testing", "/language", "sv", "Begäran kunde inte hanteras")]
    public async Task FormPost_WithoutItsAntiforgeryToken_Answers400WithAFriendlyPageAndNoStackTrace(string environment, string path, string language, string heading)
    {
        await using var host = app.WithWebHostBuilder(builder => builder.UseEnvironment(environment));
        using var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Add("Accept-Language", language);
        // As a browser asks: the developer exception page answers HTML with the stack trace to it.
        browser.DefaultRequestHeaders.Add("Accept", "text/html");

        using var response = await browser.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = "sara.holm@moment.test",
            ["Input.Password"] = "x",
            ["culture"] = "en-GB",
        }), Ct);

        await AssertFriendlyBadRequestAsync(response, heading);
    }

    [Fact]
    public async Task LanguageSwitch_WithoutTheLanguage_Answers400WithAFriendlyPage()
    {
        await using var development = app.WithWebHostBuilder(builder => builder.UseEnvironment("Development"));
        using var browser = development.BrowserClient(new CookieContainer());
        browser.DefaultRequestHeaders.Add("Accept-Language", "en");
        browser.DefaultRequestHeaders.Add("Accept", "text/html");

        using var response = await browser.PostFormAsync("/", null, new Dictionary<string, string> { ["returnUrl"] = "/" }, "/language");

        await AssertFriendlyBadRequestAsync(response, "The request could not be handled");
    }

    [Fact]
    public async Task Page_PostedWhereOnlyGetIsServed_Answers405WithAFriendlyPage()
    {
        using var browser = app.CreateClient();
        browser.DefaultRequestHeaders.Add("Accept-Language", "en");

        using var response = await browser.PostAsync("/no/such/page", new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "y" }), Ct);

        await AssertFriendlyBadRequestAsync(response, "The request could not be handled", HttpStatusCode.MethodNotAllowed);
    }

    private static async Task AssertFriendlyBadRequestAsync(HttpResponseMessage response, string heading, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("antiforgery", html, StringComparison.OrdinalIgnoreCase);
    }
}
