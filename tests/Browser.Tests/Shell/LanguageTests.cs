using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Shell;

public abstract class LanguageTests(BrowserApp app)
{
    [Fact]
    public async Task StartPage_SwedishBrowser_IsInSwedish()
    {
        var page = await app.NewPageAsync("sv-SE");

        await page.GotoAsync("/");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Demokonton" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task LanguageSwitch_ToEnglish_PersistsOnEveryPage()
    {
        var page = await app.NewPageAsync("sv-SE");
        await page.GotoAsync("/account/login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logga in" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Demo accounts" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Svenska" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Demokonton" })).ToBeVisibleAsync();
    }
}

public sealed class LanguageTestsOnSqlite(SqliteBrowserApp app) : LanguageTests(app);

public sealed class LanguageTestsOnPostgres(PostgresBrowserApp app) : LanguageTests(app);
