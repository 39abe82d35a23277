using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Absences;
using Moment.Application.Cases;
using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Stories;

/// <summary>
/// PRODUCT.md stories 5 and 2 end to end, on an app of their own whose clock moves forward by days:
/// consent that is followed by silence becomes a broken promise; a regular contact on holiday has a stand-in who owns
/// the cases, and the customer who asks for the manager is told the manager's name and the deadline.
/// </summary>
public abstract partial class PromiseAndCoverStoryTests(TimeTravelBrowserApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Story5_YesYouMayContactMe_ThenSilence_IsABrokenPromise()
    {
        var lina = new CasePage(await LoginPage.SignedInAsync(app, "lina.strom@moment.test"));
        var number = await lina.RegisterAsync("Margit Andersson", "Landline dead, third time this year", "Phone");
        var margit = new CustomerPage(await app.NewPageAsync("en-GB", javaScript: false));
        await margit.Page.GotoAsync(await lina.CustomerLinkAsync());

        await margit.AskForTheManagerAsync("Yes, you may contact me");
        await Expect(margit.Thanks).ToContainTextAsync("Lina will contact you by");
        await Expect(margit.Promises).ToContainTextAsync("Lina");

        // Two business days pass and nobody calls.
        app.Clock.Shift(TimeSpan.FromDays(5));
        await RunBackgroundRoundAsync();

        var again = new CasePage(await LoginPage.SignedInAsync(app, "lina.strom@moment.test"));
        await again.Page.GotoAsync($"/cases/{number}");
        var promise = new PromisesSection(again.Page).Rows.Filter(new() { HasText = "Lina" });
        await Expect(promise.Locator(".state")).ToHaveTextAsync("Broken");
        await Expect(again.Page.Locator("ol.timeline")).ToContainTextAsync("Promise broken");
        var nora = await LoginPage.SignedInAsync(app, "nora.vik@moment.test");
        await nora.GotoAsync("/desk");
        await Expect(nora.Locator("#broken-promises")).ToContainTextAsync(number);
    }

    [Fact]
    public async Task Story2_RegularContactOnHoliday_TheStandInOwnsTheCase_AndTheManagerIsNamedToTheCustomer()
    {
        var kim = new CasePage(await LoginPage.SignedInAsync(app, "kim.aberg@moment.test"));
        var number = await kim.RegisterAsync("Nordbygg AB", "Invoice charged twice; regular contact on holiday", "Phone");
        var customerLink = await kim.CustomerLinkAsync();
        var away = new AwayPage(kim.Page);
        await away.GoToAsync();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await away.RecordAsync(today, today.AddDays(7), "lars.borg@moment.test");

        await RunBackgroundRoundAsync();

        var customer = new CustomerPage(await app.NewPageAsync("sv-SE", javaScript: false));
        await customer.Page.GotoAsync(customerLink);
        await Expect(customer.Page.Locator("main")).ToContainTextAsync("Lars i teamet");
        await customer.AskForTheManagerAsync("Jag vill tala med ansvarig chef");
        await Expect(customer.Thanks).ToContainTextAsync("Maria Berg, ansvarig chef, kontaktar dig senast");
        await Expect(customer.Thanks).ToContainTextAsync(SwedishDeadline());
        var lars = new CasePage(await LoginPage.SignedInAsync(app, "lars.borg@moment.test"));
        await lars.Page.GotoAsync($"/cases/{number}");
        await Expect(lars.Owner).ToHaveTextAsync("Lars Borg");
        await Expect(lars.Page.Locator("ol.timeline")).ToContainTextAsync("Stand-in covers while away");
    }

    /// <summary>What the background service does every half minute, now rather than at its next tick.</summary>
    private async Task RunBackgroundRoundAsync()
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<StartDueAbsences>().HandleAsync(Ct);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CaseDeadlines>().HandleAsync(Ct);
    }

    /// <summary>"tisdag 24 november 17:00": a weekday, a day, a month and a time.</summary>
    [GeneratedRegex("(måndag|tisdag|onsdag|torsdag|fredag) \\d{1,2} \\S+ \\d{2}:\\d{2}")]
    private static partial Regex SwedishDeadline();
}

public sealed class PromiseAndCoverStoryTestsOnSqlite(SqliteTimeTravelBrowserApp app) : PromiseAndCoverStoryTests(app), IClassFixture<SqliteTimeTravelBrowserApp>;

public sealed class PromiseAndCoverStoryTestsOnPostgres(PostgresTimeTravelBrowserApp app) : PromiseAndCoverStoryTests(app), IClassFixture<PostgresTimeTravelBrowserApp>;
