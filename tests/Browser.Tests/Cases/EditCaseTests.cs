using Microsoft.Playwright;
using Moment.Browser.Tests.Pages;
using Moment.Browser.Tests.Shell;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Cases;

/// <summary>
/// The owner corrects a case in Swedish: an edit that changes nothing is refused in Swedish with what she wrote kept, the
/// second try saves, and the timeline says what changed from what to what, and why. axe-core on the page with the form open.
/// </summary>
public abstract class EditCaseTests(BrowserApp app)
{
    [Fact]
    public async Task TheOwner_EditsSubjectAndPriorityInSwedish_AndTheTimelineSaysWhatChangedAndWhy()
    {
        var number = await app.RegisterCaseAsync("Anders Andersson", "Modemet startar om");
        var page = await LoginPage.SignedInAsync(app, "sara.holm@moment.test", "sv-SE");
        await page.GotoAsync($"/cases/{number}");
        await Expect(page.Locator("#case-priority")).ToHaveTextAsync("Normal");

        await page.GetByText("Ändra rubrik, ärendetyp, prioritet eller team").ClickAsync();
        await page.Locator("#edit-reason").FillAsync("Kunden ringde igen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara ändringarna" }).ClickAsync();
        await Expect(page.Locator("#case-error")).ToContainTextAsync("Inget att ändra: ärendet har redan de här uppgifterna.");
        await Expect(page.Locator("#edit-reason")).ToHaveValueAsync("Kunden ringde igen");
        await AccessibilityTests.AssertAccessibleAsync(page);

        await page.Locator("#edit-subject").FillAsync("Modemet startar om varje natt");
        await page.Locator("#edit-priority").SelectOptionAsync(new SelectOptionValue { Label = "Hög" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara ändringarna" }).ClickAsync();

        await Expect(page.Locator("#case-priority")).ToHaveTextAsync("Hög");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Modemet startar om varje natt");
        var entry = page.Locator("ol.timeline > li").Last;
        await Expect(entry).ToContainTextAsync("Ärendet ändrat");
        await Expect(entry).ToContainTextAsync("Sara Holm");
        await Expect(entry).ToContainTextAsync("Rubriken ändrades från ”Modemet startar om” till ”Modemet startar om varje natt”");
        await Expect(entry).ToContainTextAsync("Prioriteten ändrades från Normal till Hög");
        await Expect(entry).ToContainTextAsync("Kunden ringde igen");
        await Expect(page.Locator("#case-error")).ToHaveCountAsync(0);
        await AccessibilityTests.AssertAccessibleAsync(page);
    }
}

public sealed class EditCaseTestsOnSqlite(SqliteBrowserApp app) : EditCaseTests(app);

public sealed class EditCaseTestsOnPostgres(PostgresBrowserApp app) : EditCaseTests(app);
