using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Data;
using Moment.TestSupport;

namespace Moment.Web.Tests.Security;

/// <summary>
/// The headers every answer carries, and the ones for the customer's pages (the token is in their address) and for production.
/// Headers do not depend on the database, so SQLite only.
/// </summary>
public sealed class SecurityHeadersTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/no/such/page")]
    [InlineData("/api/me")]
    [InlineData("/api/no/such/endpoint")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api-reference")]
    [InlineData("/health/live")]
    public async Task EveryAnswer_ForbidsSniffingAndReferrerAndForeignScripts(string path)
    {
        using var response = await app.CreateClient().GetAsync(path, Ct);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline' ", policy.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)) + " ", StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_CarryNoInlineScript()
    {
        var html = await app.CreateClient().GetStringAsync("/", Ct);

        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
    }

    [Fact]
    public async Task CustomerPageAndPublicApi_AreNeverStored()
    {
        var token = await CustomerTokenAsync();
        using var client = app.CreateClient();

        foreach (var path in new[] { $"/c/{token}", "/c/not-a-token", $"/api/public/cases/{token}", "/api/public/cases/not-a-token" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path} answered without Cache-Control: no-store");
        }
    }

    [Fact]
    public async Task Production_HasStrictTransportSecurityAndASecureSignInCookie()
    {
        await using var production = app.WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("AllowedHosts", "moment.example")
            .UseSetting("Moment:PublicBaseUrl", "https://moment.example"));
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://moment.example"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Origin", "https://moment.example");

        using var page = await client.GetAsync("/account/login", Ct);
        using var signIn = await client.SignInAsync("sara.holm@moment.test", Application.Demo.DemoAccounts.Password);

        Assert.Contains("max-age=", Header(page, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Moment.Staff=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} answered without {name}.");

    private async Task<string> CustomerTokenAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.Select(c => c.CustomerToken).FirstAsync(Ct);
    }
}
