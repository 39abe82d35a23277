using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Browser.Tests.Pages;
using Moment.Browser.Tests.Shell;
using Moment.Domain.Cases;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Views;

/// <summary>
/// An agent in Swedish finds a case on the desk by a word of its description, then narrows her open cases to the high
/// priority ones on the views page and saves that as a view of her own, listed with its count, then changes it in place.
/// axe-core on both pages.
/// </summary>
public abstract class ViewsTests(BrowserApp app)
{
    [Fact]
    public async Task AnAgent_FindsACaseByAWordOfItsDescription_AndSavesAFilteredViewInSwedish()
    {
        var word = "Grävskopan" + new string([.. Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + (c % 16)))]);
        var number = await app.RegisterCaseAsync("Anders Andersson", "Kabeln av vid vägbygget", $"En {word} grävde av kabeln i morse.", CasePriority.High);
        var page = await LoginPage.SignedInAsync(app, "sara.holm@moment.test", "sv-SE");

        await page.GotoAsync("/desk");
        await page.Locator("#q").FillAsync(word.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök" }).ClickAsync();
        await Expect(page.Locator("#mentioning")).ToContainTextAsync("Ärenden vars rubrik eller beskrivning nämner");
        await Expect(Results(page).GetByRole(AriaRole.Link, new() { Name = number })).ToBeVisibleAsync();

        await page.GotoAsync("/views");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Mina öppna ärenden" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Väntar på kunden" })).ToBeVisibleAsync();
        await page.Locator("#f-priority").SelectOptionAsync(new SelectOptionValue { Label = "Hög" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await Expect(Results(page).GetByRole(AriaRole.Link, new() { Name = number })).ToBeVisibleAsync();
        await Expect(Results(page).Locator("table tbody tr")).ToHaveCountAsync(await HighAndOpenAsync("sara.holm@moment.test"));
        await AccessibilityTests.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Spara vyn" }).ClickAsync();
        await Expect(page.Locator("#view-name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("p.field-error")).ToContainTextAsync("Namn måste fyllas i.");
        var name = "Höga " + word[^6..];
        await page.Locator("#view-name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara vyn" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = name })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(Results(page).GetByRole(AriaRole.Link, new() { Name = number })).ToBeVisibleAsync();
        await AccessibilityTests.AssertAccessibleAsync(page);

        // Her view changed in place: urgent instead of high, under the same name; the high case leaves it.
        await page.Locator("#f-priority").SelectOptionAsync(new SelectOptionValue { Label = "Brådskande" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara ändringarna i den här vyn" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToHaveCountAsync(1);
        await Expect(page.Locator("#f-priority")).ToHaveValueAsync("urgent");
        await Expect(Results(page).GetByRole(AriaRole.Link, new() { Name = number })).ToHaveCountAsync(0);
    }

    private static ILocator Results(IPage page) => page.Locator("section[aria-labelledby=results]");

    private async Task<int> HighAndOpenAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var owner = await scope.ServiceProvider.GetRequiredService<StaffCards>().FindByEmailAsync(email);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.CountAsync(c => c.OwnerId == owner!.Id
            && c.Priority == CasePriority.High && (c.Status == CaseStatus.Open || c.Status == CaseStatus.ProposedSolved));
    }
}

public sealed class ViewsTestsOnSqlite(SqliteBrowserApp app) : ViewsTests(app);

public sealed class ViewsTestsOnPostgres(PostgresBrowserApp app) : ViewsTests(app);
