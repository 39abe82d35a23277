using Microsoft.Playwright;
using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Cases;

/// <summary>
/// A promise follows the case to whoever accepts it, unless the one who made it keeps it; and a customer's answer taken
/// on the phone is recorded on the case page by the member of staff, not on the customer's own page.
/// </summary>
public abstract class CustomerAndHandOffStoryTests(BrowserApp app)
{
    private const string CallBack = "I'll call you back tomorrow before 15:00";
    private const string BackInTwoDays = "I'll get back to you within 2 business days";

    [Fact]
    public async Task HandOff_TheOffersPromisesShowAndGoToTheReceiver_ExceptTheOneTheOffererKeeps()
    {
        // Omar promised Margit a call-back in the shop, then hands the case to Sara in the phone team.
        var omar = new CasePage(await LoginPage.SignedInAsync(app, "omar.said@moment.test"));
        var number = await omar.RegisterAsync("Margit Andersson", "Landline dead, son to be called", "Shop");
        var promises = new PromisesSection(omar.Page);
        await promises.MakeQuickAsync(CallBack);
        await promises.MakeQuickAsync(BackInTwoDays);
        await omar.OfferToAsync("Sara Holm (Phone)", "Landline dead; call her son Anders.", "Phone books technicians", BackInTwoDays);

        var sara = new CasePage(await LoginPage.SignedInAsync(app, "sara.holm@moment.test"));
        await sara.Page.GotoAsync($"/cases/{number}");
        await Expect(sara.OfferedPromises.Filter(new() { HasText = CallBack })).ToContainTextAsync("You keep this one when you accept.");
        await Expect(sara.OfferedPromises.Filter(new() { HasText = BackInTwoDays })).ToContainTextAsync("Omar Said keeps this one.");

        await sara.AcceptAsync(number);

        var rows = new PromisesSection(sara.Page).Rows;
        await Expect(rows.Filter(new() { HasText = CallBack }).Locator(".keeper")).ToHaveTextAsync("Sara Holm");
        await Expect(rows.Filter(new() { HasText = BackInTwoDays }).Locator(".keeper")).ToHaveTextAsync("Omar Said");
        await Expect(sara.Page.GetByLabel($"How was “{CallBack}” kept?")).ToBeVisibleAsync();
        var customer = new CustomerPage(await app.NewPageAsync("en-GB", javaScript: false));
        await customer.Page.GotoAsync(await sara.CustomerLinkAsync());
        await Expect(customer.Promises.Filter(new() { HasText = CallBack })).ToContainTextAsync("Sara:");
    }

    [Fact]
    public async Task CustomerSaysSolvedOnThePhone_StaffOnTheCustomersPageArePointedToTheCasePageAndRecordItThere()
    {
        var sara = new CasePage(await LoginPage.SignedInAsync(app, "sara.holm@moment.test"));
        var number = await sara.RegisterAsync("Margit Andersson", "Landline crackles", "Phone");
        await sara.ProposeResolutionAsync("We replaced the line card at the exchange.");
        var link = await sara.CustomerLinkAsync();
        var erik = await LoginPage.SignedInAsync(app, "erik.sjo@moment.test");

        await erik.GotoAsync(link);

        await Expect(erik.Locator("#staff-notice")).ToContainTextAsync("record what the customer tells you on the case page");
        await Expect(erik.GetByRole(AriaRole.Button, new() { Name = "Yes, it is solved" })).ToHaveCountAsync(0);
        await erik.Locator("#staff-notice a").ClickAsync();
        await erik.WaitForURLAsync($"**/cases/{number}");
        await erik.GetByRole(AriaRole.Button, new() { Name = "The customer says it is solved" }).ClickAsync();
        var page = new CasePage(erik);
        await Expect(page.Status).ToHaveTextAsync("Resolved");
        var entry = erik.Locator("ol.timeline li").Filter(new() { HasText = "Solved, as the customer told us" });
        await Expect(entry).ToContainTextAsync("Erik Sjö");
        await Expect(entry).ToContainTextAsync("Phone");
    }
}

public sealed class CustomerAndHandOffStoryTestsOnSqlite(SqliteBrowserApp app) : CustomerAndHandOffStoryTests(app);

public sealed class CustomerAndHandOffStoryTestsOnPostgres(PostgresBrowserApp app) : CustomerAndHandOffStoryTests(app);
