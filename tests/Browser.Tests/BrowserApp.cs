using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moment.Application.Data;
using Moment.TestSupport;

[assembly: AssemblyFixture(typeof(Moment.Browser.Tests.BrowserApp))]

namespace Moment.Browser.Tests;

/// <summary>
/// The real app on Kestrel (a real port on 127.0.0.1, SQLite, demo data) and Debian's Chromium driven by Playwright.
/// One for the whole assembly; each test gets its own browser context, so cookies never leak between tests.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    // Debian's browser: Playwright must never download one of its own.
    private const string Chromium = "/usr/bin/chromium";

    private readonly MomentApp _app = new(DatabaseProvider.Sqlite, fakeClock: false);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    /// <summary>The app's services, to run what the background service would (an absence starting) at a test's moment.</summary>
    public IServiceProvider Services => _app.Services;

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (./test.sh does).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // This machine has no network beyond loopback: keep Chromium from reaching out at all.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser (own cookies) that speaks the given language, pointed at the app.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-GB", bool javaScript = true)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = locale, JavaScriptEnabled = javaScript });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
    }
}
