using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Data;
using Moment.TestSupport;

namespace Moment.Web.Tests.Security;

/// <summary>
/// The customer's link is built from the configured public address, never from the Host header a request brings;
/// in production only the configured host names are answered. Does not depend on the database, so SQLite only.
/// </summary>
public sealed class PublicAddressTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string PublicBaseUrl = "https://kundservice.example.se";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CustomerLink_WithAForeignHostHeader_UsesTheConfiguredPublicAddress()
    {
        await using var configured = app.WithWebHostBuilder(builder => builder.UseSetting("Moment:PublicBaseUrl", PublicBaseUrl + "/"));
        using var client = configured.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example") });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.CreateTokenAsync("sara.holm@moment.test"));

        using var response = await client.PostAsJsonAsync("/api/cases", new { customerId = await CustomerIdAsync(), subject = "Link", door = "phone" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var link = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("customerLink").GetString()!;
        Assert.Matches($"^{PublicBaseUrl.Replace(".", "\\.", StringComparison.Ordinal)}/c/[A-Za-z0-9_-]+$", link);
    }

    [Fact]
    public async Task Production_WithAHostNotAllowed_Answers400()
    {
        await using var production = app.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example") });

        using var response = await client.GetAsync("/account/login", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<Guid> CustomerIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Customers.Select(c => c.Id).FirstAsync(Ct);
    }
}
