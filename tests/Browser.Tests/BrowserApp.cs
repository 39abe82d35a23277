using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moment.Application.Data;
using Moment.TestSupport;
using Xunit.v3;

[assembly: AssemblyFixture(typeof(Moment.Browser.Tests.SqliteBrowserApp))]
[assembly: AssemblyFixture(typeof(Moment.Browser.Tests.PostgresBrowserApp))]
[assembly: Moment.Browser.Tests.CloseBrowsersAfterEachTest]

namespace Moment.Browser.Tests;

/// <summary>
/// The real app on Kestrel (a real port on 127.0.0.1, demo data, one database of one provider) and Debian's Chromium
/// driven by Playwright. One per provider for the whole assembly, each on its own port and database, so that every
/// browser test runs on SQLite and on PostgreSQL; each test gets its own browser context, so cookies never leak
/// between tests. Tests on one app share its demo data and are written not to collide (see SignInTests' lockout).
/// </summary>
public abstract class BrowserApp : IAsyncLifetime
{
    // Debian's browser: Playwright must never download one of its own.
    private const string Chromium = "/usr/bin/chromium";

    private readonly MomentApp _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected BrowserApp(DatabaseProvider provider, TimeProvider? clock = null)
    {
        _app = new(provider, fakeClock: false, clock);
        // Every browser of every test comes from 127.0.0.1 to this one app: far more sign-ins and customer pages a minute
        // than one real address sends. RateLimitTests tests the limits themselves.
        _app.Settings["RateLimits:SignIn:PermitLimit"] = "100000";
        _app.Settings["RateLimits:Customer:PermitLimit"] = "100000";
        _app.Settings["Phone:Pbx:Token"] = PbxToken;
        // The phone simulator signs its calls with this token; calls to PhoneLineNumber go to the queue PhoneLineQueue.
        _app.Settings["Phone:Twilio:AuthToken"] = "browser-twilio-token";
        _app.Settings[$"Phone:Lines:{PhoneLineNumber}"] = PhoneLineQueue;
    }

    public const string PhoneLineNumber = "+46855599999";

    public const string PhoneLineQueue = "Telefonlinjen dygnet runt";

    /// <summary>The token the PBX side of the app takes (<c>Phone:Pbx:Token</c>).</summary>
    public const string PbxToken = "browser-pbx-token";

    public DatabaseProvider Provider => _app.Provider;

    /// <summary>More settings for an app of a test class's own (such as the email door's), set before it starts.</summary>
    protected Dictionary<string, string> Settings => _app.Settings;

    /// <summary>The app's services, for what a test does behind the pages (such as running the deadline sweep now).</summary>
    public IServiceProvider Services
    {
        get
        {
            _app.RequireProvider();
            return _app.Services;
        }
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    public virtual async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        // PostgreSQL without a server to run on: nothing to start; each test skips (or fails in CI) when it asks for a page.
        if (_app.Provider == DatabaseProvider.Postgres && PostgresServer.ConnectionString is null)
            return;
        _app.UseKestrel(0);
        _app.StartServer();
        BaseAddress = ServerAddress.Of(_app.Services);

        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (./test.sh does).");
        // Playwright's assertions wait 5 s by default, which a CI machine running the other suites beside this one overran.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // This machine has no network beyond loopback: keep Chromium from reaching out at all.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A fresh browser (own cookies) that speaks the given language, pointed at the app; <paramref name="width"/> and
    /// <paramref name="height"/> size its window (a phone: 390 × 844). Skips the test when its database is not configured.
    /// </summary>
    public async Task<IPage> NewPageAsync(string locale = "en-GB", bool javaScript = true, int? width = null, int? height = null)
    {
        _app.RequireProvider();
        var options = new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = locale, JavaScriptEnabled = javaScript };
        if (width is { } w)
            options.ViewportSize = new ViewportSize { Width = w, Height = height ?? 844 };
        var context = await _browser!.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        CloseBrowsersAfterEachTestAttribute.Track(context);
        return await context.NewPageAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteBrowserApp() : BrowserApp(DatabaseProvider.Sqlite);

public sealed class PostgresBrowserApp() : BrowserApp(DatabaseProvider.Postgres);

/// <summary>
/// A browser app of its own whose clock a test moves forward by days. Its own, because moving the clock under the
/// shared app would expire the sign-ins of tests running beside it.
/// </summary>
public abstract class TimeTravelBrowserApp(DatabaseProvider provider) : BrowserApp(provider, new ShiftableClock())
{
    public ShiftableClock Clock => (ShiftableClock)Services.GetRequiredService<TimeProvider>();
}

public sealed class SqliteTimeTravelBrowserApp() : TimeTravelBrowserApp(DatabaseProvider.Sqlite);

public sealed class PostgresTimeTravelBrowserApp() : TimeTravelBrowserApp(DatabaseProvider.Postgres);

/// <summary>
/// Closes the browsers a test opened when it ends. Left open, every finished test's pages kept their live connection and
/// Blazor circuit (and their timers) running against the shared app until the whole assembly was done, and the later
/// tests ran ever slower on two cores.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class CloseBrowsersAfterEachTestAttribute : BeforeAfterTestAttribute
{
    private static readonly ConcurrentDictionary<string, ConcurrentBag<IBrowserContext>> Opened = new();

    public static void Track(IBrowserContext context)
    {
        if (TestContext.Current.Test?.UniqueID is { } test)
            Opened.GetOrAdd(test, _ => []).Add(context);
    }

    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        if (!Opened.TryRemove(test.UniqueID, out var contexts))
            return;
        // Not waited for: xunit's hook is synchronous, and blocking its thread while Playwright answers on the same
        // threads hung the whole run. A context that fails to close goes with its browser when the app is disposed.
        foreach (var context in contexts)
            _ = context.CloseAsync().ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
    }
}
