using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moment.Application.Cases;
using Moment.Application.Staff;
using Moment.Browser.Tests.Pages;
using Moment.Browser.Tests.Shell;
using Moment.Domain.Cases;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Views;

/// <summary>
/// A team lead raises the priority of three of his team's cases from the views page, in Swedish and in English: one of
/// them is high already, so the whole action is refused, naming that case in the reader's language, and nothing changes;
/// without it, the view shows afresh saying what was done, and each case has one entry for it. axe-core on both answers.
/// The form is a plain post: reassigning works with JavaScript off.
/// </summary>
public abstract class BulkActionsTests(BrowserApp app)
{
    [Theory]
    [InlineData("sv-SE", "Ändra prioriteten", "Hög", "Utför på de valda ärendena", "Ärende {0}: Inget att ändra: ärendet har redan de här uppgifterna.", "Ändrade prioriteten för 2 ärenden.")]
    [InlineData("en-GB", "Change the priority", "High", "Apply to the chosen cases", "Case {0}: Nothing to change: the case already has these details.", "Changed the priority of 2 cases.")]
    public async Task ATeamLead_RaisesThePriorityOfChosenCases_AllOrNothing_InTheReadersLanguage(
        string locale, string action, string high, string apply, string refused, string done)
    {
        string[] normal = [await app.RegisterCaseAsync("Anders Andersson", "Fakturan kom två gånger"), await app.RegisterCaseAsync("Anders Andersson", "Fakturan saknar moms")];
        var already = await app.RegisterCaseAsync("Anders Andersson", "Fakturan i fel namn", priority: CasePriority.High);
        var page = await LoginPage.SignedInAsync(app, "johan.ek@moment.test", locale);
        await page.GotoAsync($"/views?view=myTeam&owner={await SaraAsync()}&sort=createdNewest");

        foreach (var number in (string[])[.. normal, already])
            await page.GetByRole(AriaRole.Checkbox, new() { Name = number }).CheckAsync();
        await page.Locator("#bulk-action").SelectOptionAsync(new SelectOptionValue { Label = action });
        await page.Locator("#bulk-priority").SelectOptionAsync(new SelectOptionValue { Label = high });
        await page.Locator("#bulk-reason").FillAsync("Business customer");
        await page.GetByRole(AriaRole.Button, new() { Name = apply }).ClickAsync();

        await Expect(page.Locator("form#bulk p.error")).ToHaveTextAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, refused, already));
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = already })).ToBeCheckedAsync();
        await Expect(Row(page, normal[0]).Locator(".priority")).Not.ToHaveTextAsync(high);
        await AccessibilityTests.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Checkbox, new() { Name = already }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = apply }).ClickAsync();

        await Expect(page.Locator("#bulk-done")).ToHaveTextAsync(done);
        foreach (var number in normal)
        {
            await Expect(Row(page, number).Locator(".priority")).ToHaveTextAsync(high);
            Assert.Single((await CaseAsync(number)).Timeline, e => e.Kind == CaseEventKind.Edited);
        }

        Assert.DoesNotContain((await CaseAsync(already)).Timeline, e => e.Kind == CaseEventKind.Edited);
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = normal[0] })).Not.ToBeCheckedAsync();
        await AccessibilityTests.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task ATeamLead_ReassignsChosenCases_WithoutJavaScript_AndTheViewShowsThemGone()
    {
        string[] numbers = [await app.RegisterCaseAsync("Anders Andersson", "Routern blinkar rött"), await app.RegisterCaseAsync("Anders Andersson", "Routern startar om")];
        var page = await LoginPage.SignedInAsync(app, "johan.ek@moment.test", "en-GB", javaScript: false);
        await page.GotoAsync($"/views?view=myTeam&owner={await SaraAsync()}&sort=createdNewest");

        foreach (var number in numbers)
            await page.GetByRole(AriaRole.Checkbox, new() { Name = number }).CheckAsync();
        await page.Locator("#bulk-action").SelectOptionAsync(new SelectOptionValue { Label = "Reassign to a person" });
        await page.Locator("#bulk-person").SelectOptionAsync(new SelectOptionValue { Label = "Erik Sjö (Phone)" });
        await page.Locator("#bulk-reason").FillAsync("Sara is on a course this week");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to the chosen cases" }).ClickAsync();

        await Expect(page.Locator("#bulk-done")).ToHaveTextAsync("Reassigned 2 cases.");
        foreach (var number in numbers)
        {
            // Sara's cases no more: the view, filtered by her as owner, shows afresh without them.
            await Expect(Row(page, number)).ToHaveCountAsync(0);
            var @case = await CaseAsync(number);
            Assert.Equal("Erik Sjö", @case.Owner.Name);
            Assert.Equal("Sara is on a course this week", Assert.Single(@case.Timeline, e => e.Kind == CaseEventKind.Reassigned).Text);
        }
    }

    private static ILocator Row(IPage page, string number) =>
        page.Locator("section[aria-labelledby=results] tbody tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = number }) });

    private async Task<Guid> SaraAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<StaffCards>().FindByEmailAsync(BrowserCases.Sara))!.Id;
    }

    private async Task<CaseDetails> CaseAsync(string number)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(number);
    }
}

public sealed class BulkActionsTestsOnSqlite(SqliteBrowserApp app) : BulkActionsTests(app);

public sealed class BulkActionsTestsOnPostgres(PostgresBrowserApp app) : BulkActionsTests(app);
