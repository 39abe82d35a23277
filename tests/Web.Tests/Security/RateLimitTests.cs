using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moment.TestSupport;

namespace Moment.Web.Tests.Security;

/// <summary>
/// The doors open to anyone (the sign-in post, the customer's page and /api/public) take a limited number of requests per
/// client address; more get 429 with Retry-After. Each test runs its own app with a limit of 2 in an hour-long window, so
/// that the third request is refused however slow the machine, and no test waits for a window to pass. SQLite only: the
/// limits do not touch the database.
/// </summary>
public sealed class RateLimitTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string ClientHeader = "X-Test-Client";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en", "Too many requests")]
    [InlineData("sv", "För många förfrågningar")]
    public async Task CustomerPage_ThirdRequestInTheWindow_Answers429WithRetryAfterAndAPageInTheReadersLanguage(string language, string heading)
    {
        await using var host = Limited();
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", language);

        (await client.GetAsync("/c/not-a-real-link", Ct)).Dispose();
        (await client.GetAsync("/c/not-a-real-link", Ct)).Dispose();
        using var third = await client.GetAsync("/c/not-a-real-link", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A refusal says when to try again.");
        var html = WebUtility.HtmlDecode(await third.Content.ReadAsStringAsync(Ct));
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("We cannot find this case", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicApi_ThirdRequestInTheWindow_Answers429ProblemJsonWithRetryAfter()
    {
        await using var host = Limited();
        using var client = host.CreateClient();

        (await client.GetAsync("/api/public/cases/not-a-token", Ct)).Dispose();
        (await client.PostAsync("/api/public/cases/not-a-token/confirm", null, Ct)).Dispose();
        using var third = await client.GetAsync("/api/public/cases/not-a-token", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A refusal says when to try again.");
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await third.Content.ReadAsStringAsync(Ct));
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task CustomerDoors_AnotherClientAddress_IsNotAffected()
    {
        await using var host = Limited();
        using var busy = host.CreateClient();
        busy.DefaultRequestHeaders.Add(ClientHeader, "203.0.113.7");
        using var other = host.CreateClient();
        other.DefaultRequestHeaders.Add(ClientHeader, "198.51.100.20");

        for (var request = 0; request < 3; request++)
            (await busy.GetAsync("/api/public/cases/not-a-token", Ct)).Dispose();
        using var fromBusy = await busy.GetAsync("/c/not-a-real-link", Ct);
        using var fromOther = await other.GetAsync("/c/not-a-real-link", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, fromBusy.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, fromOther.StatusCode);
    }

    [Fact]
    public async Task SignIn_ThirdPostInTheWindow_Answers429WhileShowingTheFormIsNotCounted()
    {
        await using var host = Limited();
        using var browser = host.BrowserClient(new CookieContainer());
        browser.DefaultRequestHeaders.Add("Accept-Language", "en");

        // Each post first gets the form (for its antiforgery token): three GETs and two posts pass.
        using var first = await browser.SignInAsync("nobody@moment.test", "not-the-password");
        using var second = await browser.SignInAsync("nobody@moment.test", "not-the-password");
        using var third = await browser.SignInAsync("nobody@moment.test", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A refusal says when to try again.");
        Assert.Contains("<h1>Too many requests</h1>", await third.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffApi_IsNotLimitedByTheseLimits()
    {
        await using var host = Limited();
        using var staff = host.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.CreateTokenAsync("sara.holm@moment.test"));

        for (var request = 0; request < 5; request++)
        {
            using var response = await staff.GetAsync("/api/me", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>The app with 2 requests per hour through each door, and the client's address taken from a test header.</summary>
    private WebApplicationFactory<Program> Limited() => app.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "2");
        builder.UseSetting("RateLimits:SignIn:Window", "01:00:00");
        builder.UseSetting("RateLimits:Customer:PermitLimit", "2");
        builder.UseSetting("RateLimits:Customer:Window", "01:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    });

    /// <summary>The test server has no client address; this gives the request the one its test header names.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientHeader].ToString(), out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
