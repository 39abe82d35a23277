using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Moment.Browser.Tests.Pages;
using Moment.Browser.Tests.Shell;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Keyboard;

/// <summary>
/// The desk without a mouse (issue 17): "?" lists the shortcuts in the reader's language, j and k walk a list and then
/// its cases, r, n and h reach the case's boxes, "/" the desk's search; none of them acts while the agent writes.
/// axe-core with the list open.
/// </summary>
public abstract class KeyboardTests(BrowserApp app)
{
    private const string Agent = "kim.aberg@moment.test";

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("en-GB")]
    public async Task QuestionMark_OnTheDesk_ListsTheShortcutsUntilEscape(string locale)
    {
        var page = await SignedInAsync(locale);
        await page.GotoAsync("/desk");
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("?");

        var shortcuts = page.GetByRole(AriaRole.Dialog, new() { Name = Say(locale, "Kortkommandon", "Keyboard shortcuts") });
        await Expect(shortcuts).ToBeVisibleAsync();
        await Expect(shortcuts).ToContainTextAsync(Say(locale, "Nästa eller föregående ärende i listan", "Next or previous case in the list"));
        await Expect(shortcuts).ToContainTextAsync(Say(locale, "Skriv en intern anteckning", "Write an internal note"));
        await Expect(shortcuts.GetByRole(AriaRole.Button, new() { Name = Say(locale, "Stäng", "Close") })).ToBeFocusedAsync();
        await AccessibilityTests.AssertAccessibleAsync(page);

        await page.Keyboard.PressAsync("Escape");

        await Expect(shortcuts).ToBeHiddenAsync();
        await Expect(heading).ToBeFocusedAsync();
    }

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("en-GB")]
    public async Task ShortcutsButton_InTheFooter_OpensTheListAndTakesTheFocusBack(string locale)
    {
        var page = await SignedInAsync(locale);
        await page.GotoAsync("/views");
        var button = page.GetByRole(AriaRole.Button, new() { Name = Say(locale, "Kortkommandon (?)", "Keyboard shortcuts (?)") });
        await button.FocusAsync();

        await page.Keyboard.PressAsync("Enter");

        var shortcuts = page.GetByRole(AriaRole.Dialog, new() { Name = Say(locale, "Kortkommandon", "Keyboard shortcuts") });
        await Expect(shortcuts).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(shortcuts).ToBeHiddenAsync();
        await Expect(button).ToBeFocusedAsync();
    }

    /// <summary>The views page and the desk (its first list: the agent's own cases), opened by Enter or by "o".</summary>
    [Theory]
    [InlineData("sv-SE", "/views", "Enter")]
    [InlineData("en-GB", "/views", "Enter")]
    [InlineData("sv-SE", "/desk", "o")]
    [InlineData("en-GB", "/desk", "o")]
    public async Task JThenOpen_OnAList_OpensItsFirstCase_AndJOnTheCaseOpensTheNextOfTheList(string locale, string list, string open)
    {
        await app.RegisterCaseAsync("Anders Andersson", "Fakturan kom två gånger", registrar: Agent);
        await app.RegisterCaseAsync("Anders Andersson", "Routern blinkar rött", registrar: Agent);
        var page = await SignedInAsync(locale);
        await page.GotoAsync(list);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeFocusedAsync();
        var links = page.Locator("main [data-case-list] tbody tr td:first-child a");
        var first = await links.Nth(0).InnerTextAsync();
        var second = await links.Nth(1).InnerTextAsync();

        await page.Keyboard.PressAsync("j");
        await Expect(links.Nth(0)).ToBeFocusedAsync();
        await AccessibilityTests.AssertAccessibleAsync(page);
        await page.Keyboard.PressAsync(open);
        await ExpectCaseAsync(page, first);

        await page.Keyboard.PressAsync("j");
        await ExpectCaseAsync(page, second);

        await page.Keyboard.PressAsync("k");
        await ExpectCaseAsync(page, first);
    }

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("en-GB")]
    public async Task RNAndH_OnTheCasePage_FocusTheReplyTheNoteAndTheHandOff_AndAJTypedInTheBoxStaysThere(string locale)
    {
        var number = await app.RegisterCaseAsync("Anders Andersson", "Mobilen laddar inte", registrar: Agent);
        var page = await SignedInAsync(locale);
        await page.GotoAsync($"/cases/{number}");
        await ExpectCaseAsync(page, number);
        var box = page.Locator("#note-text");
        var customerSees = page.Locator("#note-public");

        await page.Keyboard.PressAsync("r");
        await Expect(box).ToBeFocusedAsync();
        await Expect(customerSees).ToBeCheckedAsync();

        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("/");
        await Expect(box).ToHaveValueAsync("j/");
        Assert.EndsWith($"/cases/{number}", page.Url);

        await box.BlurAsync();
        await page.Keyboard.PressAsync("n");
        await Expect(box).ToBeFocusedAsync();
        await Expect(customerSees).Not.ToBeCheckedAsync();

        await box.BlurAsync();
        await page.Keyboard.PressAsync("h");
        await Expect(page.Locator("#handoff-person")).ToBeFocusedAsync();
        await AccessibilityTests.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("en-GB")]
    public async Task Slash_OnACasePage_GoesToTheDesksSearch_AndGThenVToTheViews(string locale)
    {
        var number = await app.RegisterCaseAsync("Anders Andersson", "Kortet spärrat", registrar: Agent);
        var page = await SignedInAsync(locale);
        await page.GotoAsync($"/cases/{number}");
        await ExpectCaseAsync(page, number);

        await page.Keyboard.PressAsync("/");

        var search = page.GetByLabel(Say(locale, "Hitta en kund eller ett ärende", "Find a customer or case"));
        await Expect(search).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/desk$"));
        await page.Keyboard.TypeAsync("gv");
        await Expect(search).ToHaveValueAsync("gv");

        await search.BlurAsync();
        await page.Keyboard.PressAsync("g");
        await page.Keyboard.PressAsync("v");

        await Expect(page).ToHaveURLAsync(new Regex("/views$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Say(locale, "Vyer", "Views"));
    }

    private async Task<IPage> SignedInAsync(string locale) => await LoginPage.SignedInAsync(app, Agent, locale);

    /// <summary>The case page of that number, with the focus on its heading where Blazor puts it after a navigation.</summary>
    private static async Task ExpectCaseAsync(IPage page, string number)
    {
        await Expect(page).ToHaveURLAsync(new Regex($"/cases/{Regex.Escape(number)}$"));
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Expect(heading).ToContainTextAsync(number);
        await Expect(heading).ToBeFocusedAsync();
    }

    private static string Say(string locale, string swedish, string english) => locale == "sv-SE" ? swedish : english;
}

public sealed class KeyboardTestsOnSqlite(SqliteBrowserApp app) : KeyboardTests(app);

public sealed class KeyboardTestsOnPostgres(PostgresBrowserApp app) : KeyboardTests(app);
