using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moment.Application.Data;
using Moment.Browser.Tests.Pages;
using Moment.Browser.Tests.Shell;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Macros;

/// <summary>
/// Canned replies in Swedish: the phone team's lead writes one for the team on the macros page, and an agent of the team
/// types "/" and the start of its name in the reply box of her case, inserts it with Enter (filled in for Margit's case,
/// "the customer sees this" ticked), and saves it as a reply. axe-core on the macros page, its form and the case page with
/// the suggestions open.
/// </summary>
public abstract class MacroTests(BrowserApp app)
{
    [Fact]
    public async Task TeamLeadWritesATeamMacro_AndAnAgentInsertsItWithSlashInSwedish()
    {
        var lead = await LoginPage.SignedInAsync(app, "johan.ek@moment.test", "sv-SE");
        await lead.GotoAsync("/macros/new");
        await lead.Locator("#macro-team").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await lead.Locator("#macro-name").FillAsync("tack för samtalet");
        await lead.Locator("#macro-body").FillAsync("Hej {förnamn}!\nTack för samtalet om ärende {ärendenummer}. Här följer du det: {länk}\nHälsningar {ansvarig}");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Expect(lead.Locator("#macro-name-error")).ToContainTextAsync("Ett makros namn är ett ord");
        await Expect(lead.Locator("#macro-body")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Hej \\{förnamn\\}!"));
        await AccessibilityTests.AssertAccessibleAsync(lead);
        await lead.Locator("#macro-name").FillAsync("tacksamtal");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Expect(lead.GetByRole(AriaRole.Heading, new() { Name = "/tacksamtal" })).ToBeVisibleAsync();
        await AccessibilityTests.AssertAccessibleAsync(lead);

        var number = await app.RegisterCaseAsync("Margit Andersson", "Telefonen är död igen");
        var page = await LoginPage.SignedInAsync(app, "sara.holm@moment.test", "sv-SE");
        await page.GotoAsync($"/cases/{number}");
        var box = page.Locator("#note-text");
        await box.PressSequentiallyAsync("/tack");
        var suggestions = page.GetByRole(AriaRole.Listbox, new() { Name = "Makron" });
        await Expect(suggestions.GetByRole(AriaRole.Option, new() { Name = "/tacksamtal" })).ToBeVisibleAsync();
        await AccessibilityTests.AssertAccessibleAsync(page);
        await box.PressAsync("Enter");

        var token = await TokenAsync(number);
        await Expect(box).ToHaveValueAsync(
            $"Hej Margit!\nTack för samtalet om ärende {number}. Här följer du det: http://localhost:5080/c/{token}\nHälsningar Sara Holm");
        await Expect(suggestions).ToHaveCountAsync(0);
        await Expect(page.Locator("#note-public")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).First.ClickAsync();

        await Expect(page.Locator("ol.timeline > li").Last).ToContainTextAsync("Tack för samtalet om ärende");
        await Expect(page.Locator("#note-text")).ToHaveValueAsync("");
    }

    private async Task<string> TokenAsync(string number)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.Where(c => c.Number == number).Select(c => c.CustomerToken).FirstAsync();
    }
}

public sealed class MacroTestsOnSqlite(SqliteBrowserApp app) : MacroTests(app);

public sealed class MacroTestsOnPostgres(PostgresBrowserApp app) : MacroTests(app);
