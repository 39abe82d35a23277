using Microsoft.Playwright;
using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Staff;

/// <summary>The administrator's forms and lists speak people's words: no property names, no role names from the code.</summary>
public abstract class AdminFormTests(BrowserApp app)
{
    [Fact]
    public async Task NewUser_BlankNameAndNoPassword_SaysBothAtTheirFieldsInWords()
    {
        var page = await LoginPage.SignedInAsync(app, "astrid.lind@moment.test");
        await page.GotoAsync("/admin/users/new");

        // Spaces pass the browser's own "required" check; the server says what is wrong.
        await page.Locator("#name").FillAsync("   ");
        await page.Locator("#email").FillAsync("new.person@moment.test");
        await page.Locator("#password").FillAsync(" ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.Locator("#name-error")).ToHaveTextAsync("Name is required.");
        await Expect(page.Locator("#name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#name")).ToHaveAttributeAsync("aria-describedby", "name-error");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("DisplayName");
    }

    [Theory]
    [InlineData("sv-SE", "Teamledare")]
    [InlineData("en-GB", "Team lead")]
    public async Task Roles_AreShownInTheReadersWords(string locale, string teamLead)
    {
        var page = await LoginPage.SignedInAsync(app, "astrid.lind@moment.test", locale);
        await page.GotoAsync("/admin/users");

        var johan = page.Locator("tbody tr").Filter(new() { HasText = "Johan Ek" });
        await Expect(johan.Locator("td").Nth(2)).ToHaveTextAsync(teamLead);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("TeamLead");
        await page.GotoAsync("/admin/users/new");
        await Expect(page.GetByLabel(teamLead, new() { Exact = true })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task TeamForm_InSwedish_SaysHowTheSavedNameIsShown()
    {
        var page = await LoginPage.SignedInAsync(app, "astrid.lind@moment.test", "sv-SE");
        await page.GotoAsync("/admin/teams");

        await page.GetByRole(AriaRole.Link, new() { Name = "Telefon", Exact = true }).ClickAsync();

        await Expect(page.Locator("#name")).ToHaveValueAsync("Phone");
        await Expect(page.Locator("#name-hint")).ToHaveTextAsync("Sparat som ”Phone”; visas på det här språket som ”Telefon”.");
        await Expect(page.Locator("#name")).ToHaveAttributeAsync("aria-describedby", "name-hint");
    }
}

public sealed class AdminFormTestsOnSqlite(SqliteBrowserApp app) : AdminFormTests(app);

public sealed class AdminFormTestsOnPostgres(PostgresBrowserApp app) : AdminFormTests(app);
