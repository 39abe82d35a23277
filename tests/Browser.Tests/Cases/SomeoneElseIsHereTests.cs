using Moment.Browser.Tests.Pages;
using Moment.Browser.Tests.Shell;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Cases;

/// <summary>
/// Someone else is here: Sara (in Swedish) and Johan (in English) open the same case in their own browsers, and each
/// page names the other at once; while Johan types a reply Sara's page says he is writing; when Johan goes on to his
/// desk, Sara's page no longer names him. axe-core on the case page with a colleague shown.
/// </summary>
public abstract class SomeoneElseIsHereTests(BrowserApp app)
{
    [Fact]
    public async Task TwoPeopleOnOneCase_SeeEachOther_WritingIsShown_AndLeavingIsToo()
    {
        var number = await app.RegisterCaseAsync("Anders Andersson", "Fakturan kom två gånger");
        var sara = await LoginPage.SignedInAsync(app, "sara.holm@moment.test", "sv-SE");
        await sara.GotoAsync($"/cases/{number}");
        await Expect(sara.Locator("#live-notices[data-live=on]")).ToBeAttachedAsync();
        var saraSees = sara.Locator("#someone-here");
        await Expect(saraSees).ToBeEmptyAsync();

        var johan = await LoginPage.SignedInAsync(app, "johan.ek@moment.test");
        await johan.GotoAsync($"/cases/{number}");

        await Expect(saraSees).ToHaveTextAsync("Johan Ek har också det här ärendet öppet.");
        await Expect(johan.Locator("#someone-here")).ToHaveTextAsync("Sara Holm has this case open too.");
        await AccessibilityTests.AssertAccessibleAsync(sara);

        await johan.Locator("#note-text").PressSequentiallyAsync("We will credit the second invoice");
        await Expect(saraSees).ToHaveTextAsync("Johan Ek skriver på det här ärendet just nu.");
        await Expect(sara.Locator("#someone-here .writing")).ToHaveCountAsync(1);

        await johan.GotoAsync("/desk");
        await Expect(saraSees).ToBeEmptyAsync();
    }

    [Fact]
    public async Task OnesOwnSecondTab_IsNotSomeoneElse()
    {
        var number = await app.RegisterCaseAsync("Anders Andersson", "Två flikar");
        var sara = await LoginPage.SignedInAsync(app, "sara.holm@moment.test");
        await sara.GotoAsync($"/cases/{number}");
        await Expect(sara.Locator("#live-notices[data-live=on]")).ToBeAttachedAsync();
        var secondTab = await sara.Context.NewPageAsync();
        await secondTab.GotoAsync($"/cases/{number}");
        await Expect(secondTab.Locator("#live-notices[data-live=on]")).ToBeAttachedAsync();

        // Johan comes after the second tab: once Sara's first page names him, it has heard the second tab too (in order).
        var johan = await LoginPage.SignedInAsync(app, "johan.ek@moment.test");
        await johan.GotoAsync($"/cases/{number}");
        await Expect(sara.Locator("#someone-here")).ToHaveTextAsync("Johan Ek has this case open too.");
        await Expect(johan.Locator("#someone-here")).ToHaveTextAsync("Sara Holm has this case open too.");
        await Expect(johan.Locator("#someone-here .presence")).ToHaveCountAsync(1);
    }
}

public sealed class SomeoneElseIsHereTestsOnSqlite(SqliteBrowserApp app) : SomeoneElseIsHereTests(app);

public sealed class SomeoneElseIsHereTestsOnPostgres(PostgresBrowserApp app) : SomeoneElseIsHereTests(app);
