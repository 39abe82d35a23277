using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Cases;

/// <summary>
/// The customer's own page, for someone who is not used to web forms: a reload never asks again, dates read as words,
/// a number to call, what "yes, you may contact me" means, and a letter for a customer without email.
/// </summary>
public abstract partial class CustomerPageTests(BrowserApp app)
{
    [Fact]
    public async Task AskForTheManager_ThenReload_AsksOnceAndIsARedirect()
    {
        var kim = new CasePage(await LoginPage.SignedInAsync(app, "kim.aberg@moment.test"));
        await kim.RegisterAsync("Nordbygg AB", "Delivery note missing", "Phone");
        var customer = new CustomerPage(await app.NewPageAsync("en-GB", javaScript: false));
        await customer.Page.GotoAsync(await kim.CustomerLinkAsync());

        var post = await customer.Page.RunAndWaitForResponseAsync(
            () => customer.Page.GetByRole(AriaRole.Button, new() { Name = "I want to talk to the responsible manager" }).ClickAsync(),
            response => response.Request.Method == "POST");
        await Expect(customer.Thanks).ToContainTextAsync("Maria Berg, the responsible manager, will contact you by");
        var posts = 0;
        customer.Page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        await customer.Page.ReloadAsync();

        Assert.Equal(303, post.Status);
        Assert.Equal(0, posts);
        await Expect(customer.Thanks).ToHaveCountAsync(0);
        await Expect(customer.Promises.Filter(new() { HasText = "Maria Berg" })).ToHaveCountAsync(1);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("sv-SE")]
    public async Task CustomerPage_SaysDatesInWordsANumberToCallAndWhatConsentMeans(string locale)
    {
        var omar = new CasePage(await LoginPage.SignedInAsync(app, "omar.said@moment.test"));
        await omar.RegisterAsync("Margit Andersson", "Hearing aid loop in the shop is silent", "Shop");
        await omar.ProposeResolutionAsync("We replaced the loop amplifier.");
        var customer = await app.NewPageAsync(locale, javaScript: false);

        await customer.GotoAsync(await omar.CustomerLinkAsync());

        var main = customer.Locator("main");
        await Expect(main).Not.ToContainTextAsync(IsoDate());
        await Expect(main).ToContainTextAsync(locale == "sv-SE" ? SwedishByDay() : EnglishByDay());
        await Expect(customer.Locator("#consent-meaning")).ToHaveTextAsync(locale == "sv-SE"
            ? "Det betyder att Omar får ringa eller skriva till dig om ärendet, och gör det inom 2 arbetsdagar."
            : "This means that Omar may call or write to you about this case, and will do so within 2 working days.");
        await Expect(customer.GetByRole(AriaRole.Button, new() { Name = locale == "sv-SE" ? "Ja, ni får kontakta mig" : "Yes, you may contact me" }))
            .ToHaveAttributeAsync("aria-describedby", "consent-meaning");
        await Expect(customer.Locator("a[href='tel:+46846500450']")).ToHaveTextAsync("08-465 004 50");
    }

    [Fact]
    public async Task CustomerPage_WithAWrongLink_GivesTheNumberToCall()
    {
        var customer = await app.NewPageAsync("sv-SE", javaScript: false);

        await customer.GotoAsync("/c/no-such-link");

        await Expect(customer.Locator("main")).ToContainTextAsync("ring oss så hjälper vi dig");
        await Expect(customer.Locator("main .call-us")).ToHaveTextAsync("Ring oss: 08-465 004 50");
    }

    [Fact]
    public async Task Letter_ForACustomerWithoutEmail_HasTheLinkAndTheNumberAndPrintsWithoutTheMenus()
    {
        var sara = new CasePage(await LoginPage.SignedInAsync(app, "sara.holm@moment.test"));
        var number = await sara.RegisterAsync("Margit Andersson", "Phone rings once and stops", "Phone");
        var link = await sara.CustomerLinkAsync();

        await sara.Page.Locator("#customer-letter").ClickAsync();

        await Expect(sara.Page).ToHaveURLAsync(new Regex($"/cases/{number}/letter$"));
        var letter = sara.Page.Locator("#letter");
        await Expect(letter.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Your case {number}");
        // On paper the link names the installation's public address (Moment:PublicBaseUrl), whichever address staff use.
        var publicBase = app.Services.GetRequiredService<IConfiguration>()["Moment:PublicBaseUrl"]!.TrimEnd('/');
        await Expect(letter.Locator("#letter-link")).ToHaveTextAsync($"{publicBase}/{link.TrimStart('/')}");
        await Expect(letter).ToContainTextAsync("Margit Andersson");
        await Expect(letter.Locator(".call-us")).ToHaveTextAsync("Call us: 08-465 004 50");
        var axe = await sara.Page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));
        await sara.Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(sara.Page.Locator("header.top")).ToBeHiddenAsync();
        await Expect(sara.Page.Locator("footer.foot")).ToBeHiddenAsync();
        await Expect(sara.Page.Locator(".no-print").First).ToBeHiddenAsync();
        await Expect(letter).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Timeline_SaysTheCustomerDidWhatTheyDidOnTheirPage()
    {
        var erik = new CasePage(await LoginPage.SignedInAsync(app, "erik.sjo@moment.test"));
        await erik.RegisterAsync("Yasmin Haddad", "Voicemail PIN forgotten", "Phone");
        await erik.ProposeResolutionAsync("We reset the PIN to the last four digits of your number.");
        var customer = await app.NewPageAsync("en-GB", javaScript: false);
        await customer.GotoAsync(await erik.CustomerLinkAsync());
        await customer.GetByRole(AriaRole.Button, new() { Name = "Yes, it is solved" }).ClickAsync();
        await Expect(customer.Locator("#case-state")).ToHaveTextAsync("Your case is solved. Thank you for telling us.");

        await erik.Page.ReloadAsync();

        var confirmed = erik.Page.Locator("ol.timeline li").Filter(new() { HasText = "Customer confirmed it is solved" });
        await Expect(confirmed.Locator(".meta")).ToContainTextAsync("· the customer ·");
        await Expect(erik.Page.Locator("ol.timeline")).Not.ToContainTextAsync("customer or system");
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    /// <summary>"by Monday 7 December": the objection deadline in words.</summary>
    [GeneratedRegex(@"If we do not hear from you by (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+, we will consider the case solved\.")]
    private static partial Regex EnglishByDay();

    [GeneratedRegex(@"Hör vi inget från dig senast (måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag) \d{1,2} [a-z]+ räknar vi ärendet som löst\.")]
    private static partial Regex SwedishByDay();
}

public sealed class CustomerPageTestsOnSqlite(SqliteBrowserApp app) : CustomerPageTests(app);

public sealed class CustomerPageTestsOnPostgres(PostgresBrowserApp app) : CustomerPageTests(app);
