using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moment.Application.Data;
using Moment.Browser.Tests.Pages;
using Moment.Domain.Customers;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Cases;

/// <summary>The new-case form: every mistake at its field at once (WCAG 3.3.1), nothing cut short, and no second case from the back button.</summary>
public abstract class NewCaseFormTests(BrowserApp app)
{
    [Theory]
    [InlineData("en-GB", "Name may be at most 200 characters.", "'not a number' is not a phone number.", "Register case")]
    [InlineData("sv-SE", "Namn får vara högst 200 tecken.", "'not a number' är inget telefonnummer.", "Registrera ärendet")]
    public async Task NewCase_TwoMistakes_AreBothShownAtTheirFieldsAndNothingIsCut(string locale, string nameError, string phoneError, string register)
    {
        var page = await LoginPage.SignedInAsync(app, "sara.holm@moment.test", locale);
        await page.GotoAsync("/cases/new");
        var longName = new string('A', 2000);

        await page.Locator("#customer-name").FillAsync(longName);
        await page.Locator("#customer-phone").FillAsync("not a number");
        await page.Locator("#subject").FillAsync("Router blinks red");
        await page.GetByRole(AriaRole.Button, new() { Name = register }).ClickAsync();

        await Expect(page.Locator("#customer-name-error")).ToHaveTextAsync(nameError);
        await Expect(page.Locator("#customer-phone-error")).ToHaveTextAsync(phoneError);
        foreach (var input in new[] { "#customer-name", "#customer-phone" })
        {
            await Expect(page.Locator(input)).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.Locator(input)).ToHaveAttributeAsync("aria-describedby", input[1..] + "-error");
        }
        await Expect(page.Locator("#subject")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#customer-name")).ToHaveValueAsync(longName);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cases/new$"));
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));
    }

    [Theory]
    [InlineData("omar.said@moment.test", "Shop")]
    [InlineData("karin.nord@moment.test", "Onboard")]
    [InlineData("sara.holm@moment.test", "Phone")]
    public async Task TheDoor_StartsWhereThePersonsTeamMeetsCustomers(string email, string door)
    {
        var page = await LoginPage.SignedInAsync(app, email);
        await page.GotoAsync("/cases/new");

        await Expect(page.GetByLabel("Door")).ToHaveValueAsync(door);
    }

    [Fact]
    public async Task NewCase_Registered_ThenBack_ShowsAnEmptyFormAndRegisteringRedirects()
    {
        var page = await LoginPage.SignedInAsync(app, "erik.sjo@moment.test");
        await page.GotoAsync("/cases/new");
        await page.Locator("#customer-name").FillAsync("Gunnel Back");
        await page.Locator("#customer-language").SelectOptionAsync(new SelectOptionValue { Label = "English" });
        await page.Locator("#subject").FillAsync("Bill arrived twice");

        var post = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Register case" }).ClickAsync(),
            response => response.Request.Method == "POST");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/cases/M-"));
        await page.GoBackAsync();

        Assert.Equal(303, post.Status);
        await Expect(page.Locator("#subject")).ToHaveValueAsync("");
        await Expect(page.Locator("#customer-name")).ToHaveValueAsync("");
        // The new customer is answered in the language chosen for them (their letter, their page, the email acknowledgement).
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(CustomerLanguage.English, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Customers
            .Where(c => c.Name == "Gunnel Back").Select(c => c.Language).SingleAsync(TestContext.Current.CancellationToken));
    }
}

public sealed class NewCaseFormTestsOnSqlite(SqliteBrowserApp app) : NewCaseFormTests(app);

public sealed class NewCaseFormTestsOnPostgres(PostgresBrowserApp app) : NewCaseFormTests(app);
