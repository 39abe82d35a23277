using Microsoft.Playwright;
using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Cases;

/// <summary>PRODUCT.md's stories, played in the browser by the people in them.</summary>
public abstract class CaseStoryTests(BrowserApp app)
{
    [Fact]
    public async Task Story2_DeclinedTwice_EscalatesToTheNamedTeamLeadWhomTheCustomerSees()
    {
        // Kim, Nordbygg's regular contact, goes on holiday and tries to hand the case on; two colleagues say it is not theirs.
        var kim = new CasePage(await LoginPage.SignedInAsync(app, "kim.aberg@moment.test"));
        var number = await kim.RegisterAsync("Nordbygg AB", "Invoice charged twice", "Phone");
        await kim.OfferToAsync("Sara Holm (Phone)", "Charged twice for October; ledger shows two payments; refund one.", "I am on holiday");
        var sara = new CasePage(await LoginPage.SignedInAsync(app, "sara.holm@moment.test"));
        await sara.DeclineAsync(number, "Billing is not the phone team's");
        await kim.Page.GotoAsync($"/cases/{number}");
        await kim.OfferToAsync("Erik Sjö (Phone)", "Charged twice for October; ledger shows two payments; refund one.", "I am on holiday");
        var erik = new CasePage(await LoginPage.SignedInAsync(app, "erik.sjo@moment.test"));

        await erik.DeclineAsync(number, "Not mine either");

        await Expect(erik.Owner).ToHaveTextAsync("Lars Borg");
        var customer = await app.NewPageAsync("sv-SE", javaScript: false);
        await customer.GotoAsync(await kim.CustomerLinkAsync());
        await Expect(customer.Locator("#case-owner")).ToContainTextAsync("Lars");
        await Expect(customer.Locator("#case-owner")).ToContainTextAsync("Företagskunder");
    }

    [Fact]
    public async Task Customer_ConfirmsResolutionOnTheirPage_WithKeyboardAndWithoutJavaScript()
    {
        var omar = new CasePage(await LoginPage.SignedInAsync(app, "omar.said@moment.test"));
        await omar.RegisterAsync("Margit Andersson", "Landline dead for the second time", "Shop");
        await omar.ProposeResolutionAsync("A technician replaced the line card at the exchange. Your phone works again.");
        var link = await omar.CustomerLinkAsync();
        var customer = await app.NewPageAsync("en-GB", javaScript: false);
        await customer.GotoAsync(link);
        await Expect(customer.Locator("blockquote")).ToContainTextAsync("replaced the line card");

        await customer.GetByLabel("Anything you want to add (optional)").FocusAsync();
        await customer.Keyboard.TypeAsync("It works, thank you.");
        await customer.Keyboard.PressAsync("Tab");
        await customer.Keyboard.PressAsync("Enter");

        await Expect(customer.Locator("#case-state")).ToHaveTextAsync("Your case is solved. Thank you for telling us.");
        await omar.Page.ReloadAsync();
        await Expect(omar.Status).ToHaveTextAsync("Resolved");
    }

    [Fact]
    public async Task SameProblem_ANewContactOnAResolvedCase_ReopensItAndCountsARepeatContact()
    {
        // Story 5: Margit's line was repaired and she confirmed it; weeks later it is dead again.
        var sara = new CasePage(await LoginPage.SignedInAsync(app, "sara.holm@moment.test"));
        await sara.RegisterAsync("Margit Andersson", "Landline crackles and drops calls", "Phone");
        await sara.ProposeResolutionAsync("We replaced the line card at the exchange.");
        var customer = await app.NewPageAsync("en-GB", javaScript: false);
        await customer.GotoAsync(await sara.CustomerLinkAsync());
        await customer.GetByRole(AriaRole.Button, new() { Name = "Yes, it is solved" }).ClickAsync();
        await Expect(customer.Locator("#case-state")).ToHaveTextAsync("Your case is solved. Thank you for telling us.");
        await sara.Page.ReloadAsync();
        await Expect(sara.Status).ToHaveTextAsync("Resolved");

        await sara.RecordContactAsync("Her son calls: the line is dead again.", sameProblem: true);

        await Expect(sara.Status).ToHaveTextAsync("Open");
        await Expect(sara.Counts).ToContainTextAsync("reopens 1");
        await Expect(sara.Counts).ToContainTextAsync("repeat contacts 1");
    }

    [Fact]
    public async Task LinkCases_ALaterCaseToAnEarlierOne_ShowsTheLinkOnBothAndCountsARepeatContact()
    {
        var erik = new CasePage(await LoginPage.SignedInAsync(app, "erik.sjo@moment.test"));
        var earlier = await erik.RegisterAsync("Anders Andersson", "Broadband drops every evening", "Phone");
        var later = await erik.RegisterAsync("Anders Andersson", "Internet gone again tonight", "Chat");

        await erik.LinkToEarlierCaseAsync(earlier);

        await erik.SameProblemAs.GetByRole(AriaRole.Link, new() { Name = earlier }).ClickAsync();
        await Expect(erik.LaterCasesAboutTheSameProblem).ToHaveTextAsync(later);
        await Expect(erik.Counts).ToContainTextAsync("repeat contacts 1");
    }

    [Fact]
    public async Task Refusal_OnASwedishPage_IsSaidInSwedish()
    {
        var sara = new CasePage(await LoginPage.SignedInAsync(app, "sara.holm@moment.test"));
        var number = await sara.RegisterAsync("Jonas Persson", "The app forgets my seat", "Onboard");
        // Linking changes the case, so it is the owner's (or her team lead's): Sara again, now reading Swedish.
        var swedish = new CasePage(await LoginPage.SignedInAsync(app, "sara.holm@moment.test", "sv-SE"));
        await swedish.Page.GotoAsync($"/cases/{number}");

        await swedish.OpenActionAsync("link");
        await swedish.Page.GetByLabel("Det tidigare ärendets nummer").FillAsync(number);
        await swedish.Page.GetByRole(AriaRole.Button, new() { Name = "Koppla ärendena" }).ClickAsync();

        await Expect(swedish.Page.Locator("#link-earlier-error")).ToHaveTextAsync("Ett ärende kan inte kopplas till sig självt.");
        await Expect(swedish.Page.Locator("#link-earlier")).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task Desk_AnOfferAppearsLiveWithoutReload()
    {
        var nora = await LoginPage.SignedInAsync(app, "nora.vik@moment.test");
        await nora.GotoAsync("/desk");
        await Expect(nora.Locator("section.offers[data-live=on]")).ToBeVisibleAsync();
        var lina = new CasePage(await LoginPage.SignedInAsync(app, "lina.strom@moment.test"));
        var number = await lina.RegisterAsync("Yasmin Haddad", "Chat transcript missing", "Chat");

        await lina.OfferToAsync("Nora Vik (Chat)", "Yasmin wants her chat transcript from Monday.", "Team lead decides on transcripts");

        await Expect(nora.Locator("section[aria-labelledby=offers-heading]").GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(number) })).ToBeVisibleAsync();
        await Expect(nora.Locator("#live-notices")).ToContainTextAsync($"{number} was offered to you.");
    }

    [Fact]
    public async Task CustomerPage_WithAWrongLink_SaysSoPlainly()
    {
        var customer = await app.NewPageAsync("sv-SE", javaScript: false);

        await customer.GotoAsync("/c/not-a-real-link");

        await Expect(customer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vi hittar inte ärendet");
    }
}

public sealed class CaseStoryTestsOnSqlite(SqliteBrowserApp app) : CaseStoryTests(app);

public sealed class CaseStoryTestsOnPostgres(PostgresBrowserApp app) : CaseStoryTests(app);
