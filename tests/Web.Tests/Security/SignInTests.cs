using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moment.Application.Demo;
using Moment.Application.Staff;
using Moment.TestSupport;

namespace Moment.Web.Tests.Security;

/// <summary>
/// The sign-in form tells nobody who has an account: the same words and the same work (a password hash) for an unknown
/// email, a wrong password, an inactive or a locked account; an operator reads who failed, why and from where.
/// </summary>
public abstract partial class SignInTests(MomentApp app) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";
    private const string WrongPassword = "Not-the-password-1";
    private static readonly IPAddress Caller = IPAddress.Parse("203.0.113.7");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task SignIn_UnknownEmailWrongPasswordOrInactiveAccount_SaysTheSameWords()
    {
        var inactive = await AddStaffAsync(isActive: false);

        var unknown = await RefusalAsync(app, $"nobody-{Guid.NewGuid():N}@moment.test", WrongPassword);
        var wrongPassword = await RefusalAsync(app, Sara, WrongPassword);
        var inactiveWrongPassword = await RefusalAsync(app, inactive, WrongPassword);

        Assert.Equal(unknown, wrongPassword);
        Assert.Equal(unknown, inactiveWrongPassword);
        Assert.DoesNotContain("inactive", unknown, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_LockedAccountWithTheRightPassword_SaysTheSameWordsAsAWrongPassword()
    {
        var email = await AddStaffAsync(isActive: true);
        var wrongPassword = await RefusalAsync(app, email, WrongPassword);
        for (var i = 1; i < StaffIdentitySetup.MaxFailedSignIns; i++)
            await RefusalAsync(app, email, WrongPassword);

        var locked = await RefusalAsync(app, email, DemoAccounts.Password);

        Assert.Equal(wrongPassword, locked);
    }

    [Fact]
    public async Task SignIn_InactiveAccountWithTheRightPassword_SaysItIsInactive()
    {
        var inactive = await AddStaffAsync(isActive: false);

        var refusal = await RefusalAsync(app, inactive, DemoAccounts.Password);

        Assert.Equal("This account is inactive. Ask an administrator.", refusal);
    }

    [Fact]
    public async Task SignIn_UnknownEmailOrInactiveAccount_VerifiesAPasswordHashAsForAKnownOne()
    {
        var inactive = await AddStaffAsync(isActive: false);
        var hashing = new PasswordVerifications();
        await using var counted = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(hashing);
            services.AddScoped<IPasswordHasher<StaffUser>, CountingPasswordHasher>();
        }));

        foreach (var email in new[] { Sara, $"nobody-{Guid.NewGuid():N}@moment.test", inactive })
        {
            var before = hashing.Count;
            await RefusalAsync(counted, email, WrongPassword);
            Assert.True(hashing.Count == before + 1, $"signing in as {email} verified {hashing.Count - before} password hashes, not 1");
        }
    }

    [Fact]
    public async Task SignIn_Refused_IsAWarningWithTheAccountTheReasonAndTheAddress()
    {
        var logs = new CapturedLogs();
        await using var logged = app.WithWebHostBuilder(builder =>
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new FromAddress(Caller)));
        });
        Guid saraId;
        await using (var scope = app.Services.CreateAsyncScope())
            saraId = (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(Sara))!.Id;

        await RefusalAsync(logged, Sara, WrongPassword);
        await RefusalAsync(logged, $"nobody-{Guid.NewGuid():N}@moment.test", WrongPassword);

        var refusals = logs.Entries.Where(e => e.Message.StartsWith("Sign-in refused", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, r => Assert.Equal(LogLevel.Warning, r.Level));
        Assert.All(refusals, r => Assert.Contains(Caller.ToString(), r.Message, StringComparison.Ordinal));
        Assert.Contains(Sara, refusals[0].Message, StringComparison.Ordinal);
        Assert.Contains(saraId.ToString(), refusals[0].Message, StringComparison.Ordinal);
        Assert.Contains("wrong password", refusals[0].Message, StringComparison.Ordinal);
        Assert.Contains("no such account", refusals[1].Message, StringComparison.Ordinal);
    }

    private async Task<string> AddStaffAsync(bool isActive)
    {
        var email = $"signin-{Guid.NewGuid():N}@moment.test";
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SaveStaffMember>().HandleAsync(
            new SaveStaffMemberRequest(null, "Test Person", email, [StaffRoles.Agent], null, isActive, DemoAccounts.Password), Ct);
        return email;
    }

    /// <summary>Signs in in English and returns the error the page shows; fails if the sign-in worked.</summary>
    private static async Task<string> RefusalAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, string email, string password)
    {
        using var browser = host.BrowserClient(new CookieContainer());
        browser.DefaultRequestHeaders.Add("Accept-Language", "en");
        using var response = await browser.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        return WebUtility.HtmlDecode(LoginError().Match(html) is { Success: true } error ? error.Groups[1].Value : throw new InvalidOperationException("No error shown."));
    }

    [GeneratedRegex("id=\"login-error\"[^>]*>([^<]*)<")]
    private static partial Regex LoginError();

    private sealed class PasswordVerifications
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class CountingPasswordHasher(PasswordVerifications verifications, IOptions<PasswordHasherOptions> options) : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> _hasher = new(options);

        public string HashPassword(StaffUser user, string password) => _hasher.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            verifications.Add();
            return _hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    /// <summary>Requests in a test server come from no address; this one gives them the address of a caller on the internet.</summary>
    private sealed class FromAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInTestsOnPostgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
