using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.TestSupport;

namespace Moment.Web.Tests.Security;

/// <summary>
/// A browser session (the sign-in cookie) ends within the minute after an administrator deactivates the person or changes
/// their roles, on every instance of the app: the security stamp lives in the database.
/// </summary>
public abstract class StaffSessionTests(MomentApp app) : IAsyncLifetime
{
    private static readonly TimeSpan PastTheValidationInterval = TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public void CookieAndStampValidator_TellTimeByTheAppsClock()
    {
        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var stamp = app.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;

        Assert.Same(app.Time, cookie.TimeProvider);
        Assert.Same(app.Time, stamp.TimeProvider);
        Assert.Equal(TimeSpan.FromMinutes(1), stamp.ValidationInterval);
    }

    [Fact]
    public async Task Deactivate_SignedInStaff_EndsTheirBrowserSessionWithinAMinute()
    {
        var (id, email) = await NewAgentAsync();
        using var browser = await app.SignedInClientAsync(email);
        await AssertWorksAsync(browser);

        await SaveAsync(id, email, [StaffRoles.Agent], isActive: false);
        app.Time.Advance(PastTheValidationInterval);

        await AssertRefusedAsync(browser);
    }

    [Fact]
    public async Task ChangeRoles_OfSignedInStaff_EndsTheirBrowserSessionWithinAMinute()
    {
        var (id, email) = await NewAgentAsync();
        using var browser = await app.SignedInClientAsync(email);
        await AssertWorksAsync(browser);

        await SaveAsync(id, email, [StaffRoles.Leadership], isActive: true);
        app.Time.Advance(PastTheValidationInterval);

        await AssertRefusedAsync(browser);
        // Signing in again gives the new roles: Leadership reads, and may not register a case.
        using var again = await app.SignedInClientAsync(email);
        using var register = await RegisterCaseAsync(again);
        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
    }

    [Fact]
    public async Task Deactivate_OnOneInstance_EndsTheSessionOnAnotherInstance()
    {
        var (id, email) = await NewAgentAsync();
        var cookies = new CookieContainer();
        await using var other = app.WithWebHostBuilder(_ => { });
        using var here = await app.SignedInClientAsync(email, cookies);
        using var there = other.BrowserClient(cookies);
        await AssertWorksAsync(there);

        await SaveAsync(id, email, [StaffRoles.Agent], isActive: false);
        app.Time.Advance(PastTheValidationInterval);

        await AssertRefusedAsync(there);
    }

    [Fact]
    public async Task SaveWithoutChange_ToActiveOrRoles_KeepsTheSession()
    {
        var (id, email) = await NewAgentAsync();
        using var browser = await app.SignedInClientAsync(email);

        await SaveAsync(id, email, [StaffRoles.Agent], isActive: true);
        app.Time.Advance(PastTheValidationInterval);

        await AssertWorksAsync(browser);
    }

    private async Task<(Guid Id, string Email)> NewAgentAsync()
    {
        var email = $"session-{Guid.NewGuid():N}@moment.test";
        return (await app.AddStaffAsync(email, StaffRoles.Agent), email);
    }

    private async Task SaveAsync(Guid id, string email, string[] roles, bool isActive)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SaveStaffMember>().HandleAsync(
            new SaveStaffMemberRequest(id, "Test Person", email, roles, null, isActive, null), Ct);
    }

    private async Task AssertWorksAsync(HttpClient browser)
    {
        using var profile = await browser.GetAsync("/profile", Ct);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        using var register = await RegisterCaseAsync(browser);
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
    }

    private async Task AssertRefusedAsync(HttpClient browser)
    {
        foreach (var page in new[] { "/desk", "/profile" })
        {
            using var response = await browser.GetAsync(page, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }

        using var register = await RegisterCaseAsync(browser);
        Assert.Equal(HttpStatusCode.Unauthorized, register.StatusCode);
    }

    private async Task<HttpResponseMessage> RegisterCaseAsync(HttpClient browser)
    {
        Guid customerId;
        await using (var scope = app.Services.CreateAsyncScope())
            customerId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Customers.Select(c => c.Id).FirstAsync(Ct);
        return await browser.PostAsJsonAsync("/api/cases", new { customerId, subject = "Cannot log in", door = "phone" }, Ct);
    }
}

public sealed class StaffSessionTestsOnSqlite(SqliteApp app) : StaffSessionTests(app), IClassFixture<SqliteApp>;

public sealed class StaffSessionTestsOnPostgres(PostgresApp app) : StaffSessionTests(app), IClassFixture<PostgresApp>;
