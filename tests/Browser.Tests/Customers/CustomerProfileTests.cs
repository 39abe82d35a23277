using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moment.Application.Cases;
using Moment.Application.Customers;
using Moment.Application.Staff;
using Moment.Browser.Tests.Pages;
using Moment.Browser.Tests.Shell;
using Moment.Domain.Cases;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Customers;

/// <summary>
/// The customer's page for staff, in a real browser: reached from a case, it shows the customer's cases and details; a
/// wrong number is refused at its field in the reader's language; a customer registered twice is found, merged after a
/// question, and their case is then on the kept customer's page; the language the customer is answered in is set and kept
/// in the history. axe-core on the page in Swedish and English.
/// </summary>
public abstract partial class CustomerProfileTests(BrowserApp app)
{
    [Fact]
    public async Task AnAgent_CorrectsTheDetails_AndMergesACustomerRegisteredTwice()
    {
        var surname = "Lindqvist" + Guid.NewGuid().ToString("N")[..5];
        var (kept, keptCase) = await CustomerWithCaseAsync($"Margit {surname}", "08-123 40 01", "Räkningen är för hög");
        var (_, twiceCase) = await CustomerWithCaseAsync($"{surname} Margit", "070-123 40 02", "Bredbandet ligger nere");

        var page = await LoginPage.SignedInAsync(app, "sara.holm@moment.test");
        await page.GotoAsync($"/cases/{keptCase}");
        await page.Locator("#customer-page").ClickAsync();
        await page.WaitForURLAsync(CustomerUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Margit {surname}");
        await Expect(page.Locator("#customer-cases")).ToContainTextAsync("Räkningen är för hög");
        await AccessibilityTests.AssertAccessibleAsync(page);

        await page.GetByLabel("Phone numbers, one a line").FillAsync("08-123 40 01\nnot a number");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the details" }).ClickAsync();
        await Expect(page.Locator("#customer-phone-numbers-error")).ToContainTextAsync("'not a number' is not a phone number.");
        await page.GetByLabel("Phone numbers, one a line").FillAsync("08-123 40 01\n070-123 40 09");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the details" }).ClickAsync();
        await Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("The details are saved.");
        await Expect(page.Locator("#customer-phones")).ToContainTextAsync("070-123 40 09");
        await Expect(page.Locator("#customer-history")).ToContainTextAsync("Phone number 070-123 40 09 added");

        await page.GetByLabel("Find a customer").FillAsync(surname);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Merge {surname} Margit into this customer" }).ClickAsync();
        await Expect(page.Locator("#merge-confirm")).ToContainTextAsync("This cannot be undone.");
        await AccessibilityTests.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, merge" }).ClickAsync();

        await Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync($"{surname} Margit is merged into this customer.");
        Assert.EndsWith($"/customers/{kept}", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#customer-cases")).ToContainTextAsync(twiceCase);
        await Expect(page.Locator("#customer-phones")).ToContainTextAsync("070-123 40 02");
        await Expect(page.Locator("#customer-history")).ToContainTextAsync($"{surname} Margit merged into this customer");

        var swedish = await LoginPage.SignedInAsync(app, "sara.holm@moment.test", "sv-SE");
        await swedish.GotoAsync($"/customers/{kept}");
        await Expect(swedish.GetByRole(AriaRole.Heading, new() { Name = "Rätta uppgifterna" })).ToBeVisibleAsync();
        await AccessibilityTests.AssertAccessibleAsync(swedish);
    }

    [Fact]
    public async Task AnAgent_SetsTheLanguageTheCustomerIsAnsweredIn_InSwedish_AndANumberForItIsRefusedAtItsField()
    {
        var (customer, _) = await CustomerWithCaseAsync("Edith Språk" + Guid.NewGuid().ToString("N")[..5], "08-123 40 11", "Fakturan");
        var page = await LoginPage.SignedInAsync(app, "sara.holm@moment.test", "sv-SE");
        await page.GotoAsync($"/customers/{customer}");
        await Expect(page.Locator("#customer-language")).ToHaveTextAsync("Inte känt");

        await page.GetByLabel("Språk", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Engelska" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara uppgifterna" }).ClickAsync();

        await Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("Uppgifterna är sparade.");
        await Expect(page.Locator("#customer-language")).ToHaveTextAsync("Engelska");
        await Expect(page.Locator("#customer-history")).ToContainTextAsync("Språket ändrades: Engelska");
        await Expect(page.GetByLabel("Språk", new() { Exact = true })).ToHaveValueAsync("English");
        await AccessibilityTests.AssertAccessibleAsync(page);

        // What a hand-made form may send: a number that is no language Moment writes in.
        await page.Locator("#customer-language-choice").EvaluateAsync("select => { select.options[1].value = '7'; select.selectedIndex = 1; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara uppgifterna" }).ClickAsync();
        await Expect(page.Locator("#customer-language-choice-error")).ToContainTextAsync("Välj svenska eller engelska, eller låt språket vara inte känt.");
        await page.GotoAsync($"/customers/{customer}");
        await Expect(page.Locator("#customer-language")).ToHaveTextAsync("Engelska");
    }

    private async Task<(Guid Customer, string Case)> CustomerWithCaseAsync(string name, string phone, string subject)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var customer = await scope.ServiceProvider.GetRequiredService<RegisterCustomer>().HandleAsync(new RegisterCustomerRequest(name, [phone], [], null));
        var sara = await scope.ServiceProvider.GetRequiredService<StaffCards>().FindByEmailAsync("sara.holm@moment.test");
        var registered = await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer.Id, null, subject, null, null, Door.Phone, null), sara!.Id);
        return (customer.Id, registered.Number);
    }

    [GeneratedRegex("/customers/[0-9a-f-]{36}$")]
    private static partial Regex CustomerUrl();
}

public sealed class CustomerProfileTestsOnSqlite(SqliteBrowserApp app) : CustomerProfileTests(app);

public sealed class CustomerProfileTestsOnPostgres(PostgresBrowserApp app) : CustomerProfileTests(app);
