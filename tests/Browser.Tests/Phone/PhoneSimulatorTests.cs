using Microsoft.Playwright;
using Moment.Browser.Tests.Queues;
using Moment.Browser.Tests.Shell;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Phone;

/// <summary>
/// The phone simulator a newcomer tries after <c>dotnet run</c>: the call is greeted in Swedish, the caller hears their
/// place in the line, presses 1 for a callback that keeps it, keys another number to be called on and is told so, and
/// the call ends; every step went through Moment's signed Twilio webhooks. axe-core finds no serious violation on the page.
/// </summary>
public abstract class PhoneSimulatorTests(BrowserApp app)
{
    [Fact]
    public async Task ACall_HearsItsPlace_PressesOne_AndIsPromisedACallback()
    {
        await OpenQueues.NewAsync(app, [], name: BrowserApp.PhoneLineQueue);
        var page = await app.NewPageAsync("sv-SE");
        await page.GotoAsync($"/demo/phone?to={Uri.EscapeDataString(BrowserApp.PhoneLineNumber)}");
        await AccessibilityTests.AssertAccessibleAsync(page);
        var heard = page.Locator("#heard");

        await page.GetByLabel("Ditt nummer").FillAsync($"070-{Random.Shared.Next(1_000_000, 9_999_999)}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ring", Exact = true }).ClickAsync();

        await Expect(heard).ToContainTextAsync("Tryck 0 när som helst");
        await Expect(heard).ToContainTextAsync("Du är nummer 1 i kön.");
        var keypad = page.GetByRole(AriaRole.Group, new() { Name = "Knappsats" });
        await keypad.GetByRole(AriaRole.Button, new() { Name = "1", Exact = true }).ClickAsync();
        // Called back on another number than the one calling: keyed on the keypad and ended with #.
        await Expect(heard).ToContainTextAsync("Vill du bli uppringd på ett annat nummer");
        await Expect(keypad.GetByRole(AriaRole.Button, new() { Name = "1", Exact = true })).ToBeEnabledAsync();
        foreach (var key in "0701234567#")
            await keypad.GetByRole(AriaRole.Button, new() { Name = key.ToString(), Exact = true }).ClickAsync();
        await Expect(heard).ToContainTextAsync("Vi ringer upp dig på 0 7 0, 1 2 3, 4 5, 6 7 när det är din tur.");
        await Expect(heard).ToContainTextAsync("Du behåller din plats.");
        await Expect(page.Locator("#call-status")).ToHaveTextAsync("Samtalet är slut.");
        await AccessibilityTests.AssertAccessibleAsync(page);
    }
}

public sealed class PhoneSimulatorTestsOnSqlite(SqliteBrowserApp app) : PhoneSimulatorTests(app);

public sealed class PhoneSimulatorTestsOnPostgres(PostgresBrowserApp app) : PhoneSimulatorTests(app);
