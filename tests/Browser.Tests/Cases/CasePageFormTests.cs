using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Cases;

/// <summary>The case page's forms when something gets in the way: a colleague changed the case meanwhile (and the page says who and what).</summary>
public abstract class CasePageFormTests(BrowserApp app)
{
    [Fact]
    public async Task Note_AfterAColleagueChangedTheCase_KeepsTheTextAndSavesOnTheSecondPress()
    {
        var sara = new CasePage(await LoginPage.SignedInAsync(app, "sara.holm@moment.test"));
        var number = await sara.RegisterAsync("Anders Andersson", "Modem restarts at night", "Phone");
        var johan = await LoginPage.SignedInAsync(app, "johan.ek@moment.test");
        await johan.GotoAsync($"/cases/{number}");
        await johan.Locator("#note-text").FillAsync("Line checked from the exchange: no faults.");
        await johan.Locator("form:has(#note-text) button[type=submit]").ClickAsync();
        await Expect(johan.Locator("ol.timeline")).ToContainTextAsync("Line checked from the exchange");

        await sara.Page.Locator("#note-text").FillAsync("Customer will send a photo of the modem lights.");
        await sara.Page.Locator("form:has(#note-text) button[type=submit]").ClickAsync();

        await Expect(sara.Refusal).ToContainTextAsync("What you wrote is still in the form: check it and press the button again to save it.");
        await Expect(sara.Page.Locator("ol.timeline")).ToContainTextAsync("Line checked from the exchange");
        var changed = sara.Page.Locator("#changed-while-writing");
        await Expect(changed.Locator("h2")).ToHaveTextAsync("Johan Ek changed this case while you were writing:");
        await Expect(changed.Locator("li")).ToHaveCountAsync(1);
        await Expect(changed.Locator("li")).ToContainTextAsync("Line checked from the exchange: no faults.");
        await Expect(sara.Page.Locator("#note-text")).ToHaveValueAsync("Customer will send a photo of the modem lights.");
        await sara.Page.Locator("form:has(#note-text) button[type=submit]").ClickAsync();
        await Expect(sara.Page.Locator("ol.timeline")).ToContainTextAsync("Customer will send a photo of the modem lights.");
        await Expect(sara.Refusal).ToHaveCountAsync(0);
        await Expect(changed).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task HandOff_ToSomeoneWithoutATeam_ShowsNoEmptyBrackets()
    {
        var erik = new CasePage(await LoginPage.SignedInAsync(app, "erik.sjo@moment.test"));
        await erik.RegisterAsync("Jonas Persson", "Seat booking lost", "Phone");

        var options = erik.Page.Locator("#handoff-person option");

        await Expect(options.Filter(new() { HasText = "Astrid Lind" })).ToHaveTextAsync("Astrid Lind");
        await Expect(options.Filter(new() { HasText = "Sara Holm" })).ToHaveTextAsync("Sara Holm (Phone)");
    }
}

public sealed class CasePageFormTestsOnSqlite(SqliteBrowserApp app) : CasePageFormTests(app);

public sealed class CasePageFormTestsOnPostgres(PostgresBrowserApp app) : CasePageFormTests(app);
