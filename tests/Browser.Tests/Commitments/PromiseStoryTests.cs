using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Commitments;

/// <summary>Promises in the browser: made in two clicks, and the manager named to the customer who asks (story 2).</summary>
public abstract partial class PromiseStoryTests(BrowserApp app)
{
    [Fact]
    public async Task CasePage_CallBackTomorrowBefore1500_IsMadeInTwoClicksWithMeAsKeeper()
    {
        var erik = new CasePage(await LoginPage.SignedInAsync(app, "erik.sjo@moment.test"));
        await erik.RegisterAsync("Anders Andersson", "Broadband drops in the evening", "Phone");
        var promises = new PromisesSection(erik.Page);

        await promises.MakeQuickAsync("I'll call you back tomorrow before 15:00");

        var row = promises.Rows.First;
        await Expect(row.Locator(".keeper")).ToHaveTextAsync("Erik Sjö");
        await Expect(row.Locator(".deadline")).ToContainTextAsync("15:00");
        await Expect(row.Locator(".state")).ToHaveTextAsync("Open");
        var customer = new CustomerPage(await app.NewPageAsync("en-GB", javaScript: false));
        await customer.Page.GotoAsync(await erik.CustomerLinkAsync());
        await Expect(customer.Promises).ToContainTextAsync("Erik: I'll call you back tomorrow before 15:00");
    }

    [Fact]
    public async Task Story2_CustomerAsksForTheManagerOnTheirPage_IsToldTheManagersNameAndTheDeadline()
    {
        var kim = new CasePage(await LoginPage.SignedInAsync(app, "kim.aberg@moment.test"));
        var number = await kim.RegisterAsync("Nordbygg AB", "Invoice charged twice, third call", "Phone");
        var customer = new CustomerPage(await app.NewPageAsync("sv-SE", javaScript: false));
        await customer.Page.GotoAsync(await kim.CustomerLinkAsync());

        await customer.AskForTheManagerAsync("Jag vill tala med ansvarig chef");

        await Expect(customer.Thanks).ToContainTextAsync("Maria Berg, ansvarig chef, kontaktar dig senast");
        await Expect(customer.Promises).ToContainTextAsync("Maria Berg");
        await Expect(customer.Promises).ToContainTextAsync(SwedishDeadline());
        var maria = await LoginPage.SignedInAsync(app, "maria.berg@moment.test");
        await maria.GotoAsync("/manager-requests");
        await Expect(maria.Locator("#manager-requests")).ToContainTextAsync(number);
        await kim.Page.ReloadAsync();
        await Expect(new PromisesSection(kim.Page).Rows.Filter(new() { HasText = "Maria Berg" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task CustomerPage_YesYouMayContactMe_BecomesAPromiseOfTheOwner()
    {
        var lina = new CasePage(await LoginPage.SignedInAsync(app, "lina.strom@moment.test"));
        await lina.RegisterAsync("Margit Andersson", "Landline dead again", "Chat");
        var customer = new CustomerPage(await app.NewPageAsync("en-GB", javaScript: false));
        await customer.Page.GotoAsync(await lina.CustomerLinkAsync());

        await customer.AskForTheManagerAsync("Yes, you may contact me");

        await Expect(customer.Thanks).ToContainTextAsync("Thank you. Lina will contact you by");
        await Expect(customer.Page.GetByRole(AriaRole.Button, new() { Name = "Yes, you may contact me" })).ToHaveCountAsync(0);
    }

    /// <summary>"tisdag 24 november 17:00": a weekday, a day, a month and a time.</summary>
    [GeneratedRegex("(måndag|tisdag|onsdag|torsdag|fredag) \\d{1,2} \\S+ \\d{2}:\\d{2}")]
    private static partial Regex SwedishDeadline();
}

public sealed class PromiseStoryTestsOnSqlite(SqliteBrowserApp app) : PromiseStoryTests(app);

public sealed class PromiseStoryTestsOnPostgres(PostgresBrowserApp app) : PromiseStoryTests(app);
