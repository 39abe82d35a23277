using Microsoft.Playwright;
using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Cases;

/// <summary>PRODUCT.md's stories, played in the browser by the people in them.</summary>
public sealed class CaseStoryTests(BrowserApp app)
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
    public async Task Desk_AnOfferAppearsLiveWithoutReload()
    {
        var nora = await LoginPage.SignedInAsync(app, "nora.vik@moment.test");
        await nora.GotoAsync("/desk");
        await Expect(nora.Locator("section.offers[data-live=on]")).ToBeVisibleAsync();
        var lina = new CasePage(await LoginPage.SignedInAsync(app, "lina.strom@moment.test"));
        var number = await lina.RegisterAsync("Yasmin Haddad", "Chat transcript missing", "Chat");

        await lina.OfferToAsync("Nora Vik (Chat)", "Yasmin wants her chat transcript from Monday.", "Team lead decides on transcripts");

        await Expect(nora.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(number) })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task CustomerPage_WithAWrongLink_SaysSoPlainly()
    {
        var customer = await app.NewPageAsync("sv-SE", javaScript: false);

        await customer.GotoAsync("/c/not-a-real-link");

        await Expect(customer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vi hittar inte ärendet");
    }
}
