using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moment.Application.Data;
using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Shell;

/// <summary>
/// "Skip to content" (WCAG 2.4.1) with the keyboard: it stays on the page it is on and puts the focus on the main
/// content, for staff and for a customer on their own page, with and without JavaScript.
/// </summary>
public abstract class SkipLinkTests(BrowserApp app)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SkipLink_OnTheCustomersPage_StaysThereAndFocusesTheContent(bool javaScript)
    {
        var page = await app.NewPageAsync("sv-SE", javaScript);
        await page.GotoAsync(await CustomerLinkAsync());

        await SkipToContentAsync(page, javaScript);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Ditt ärende");
    }

    [Theory]
    [InlineData("/desk?q=andersson")]
    [InlineData("/no-such-page")]
    public async Task SkipLink_OnAStaffPage_StaysThereAndFocusesTheContent(string path)
    {
        var page = await LoginPage.SignedInAsync(app, "erik.sjo@moment.test");
        await page.GotoAsync(path);

        await SkipToContentAsync(page, javaScript: true);
    }

    /// <summary>On the skip link, press Enter: the same address (with #main), and the focus on &lt;main&gt;.</summary>
    private static async Task SkipToContentAsync(IPage page, bool javaScript)
    {
        var address = page.Url;
        // With JavaScript, Blazor puts the focus on the heading once the page has loaded; wait for it, so that it
        // does not take the focus away from the skip link afterwards.
        if (javaScript)
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeFocusedAsync();

        await page.Locator("a.skip-link").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main")).ToBeFocusedAsync();
        Assert.Equal(address + "#main", page.Url);
    }

    private async Task<string> CustomerLinkAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var token = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases
            .OrderBy(c => c.Number).Select(c => c.CustomerToken).FirstAsync(TestContext.Current.CancellationToken);
        return "/c/" + token;
    }
}

public sealed class SkipLinkTestsOnSqlite(SqliteBrowserApp app) : SkipLinkTests(app);

public sealed class SkipLinkTestsOnPostgres(PostgresBrowserApp app) : SkipLinkTests(app);
