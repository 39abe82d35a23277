using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Browser.Tests.Pages;
using Moment.Browser.Tests.Shell;
using Moment.Domain.Cases;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Cases;

/// <summary>
/// A mention reaches the colleague live: Erik has Moment open in Swedish in his own browser; Sara writes an internal note
/// on her case that mentions @erik.sjo, and Erik's page says so at once, with a link to the case. The case stays Sara's.
/// </summary>
public abstract class MentionTests(BrowserApp app)
{
    [Fact]
    public async Task AColleagueMentionedInANote_IsToldLiveInTheirLanguage_AndTheOwnerStays()
    {
        var number = await RegisterAsync("Anders Andersson", "Routern startar om varje natt");
        var erik = await LoginPage.SignedInAsync(app, "erik.sjo@moment.test", "sv-SE");
        await erik.GotoAsync("/desk");
        await Expect(erik.Locator("#live-notices[data-live=on]")).ToBeAttachedAsync();

        var sara = new CasePage(await LoginPage.SignedInAsync(app, "sara.holm@moment.test", "sv-SE"));
        await sara.Page.GotoAsync($"/cases/{number}");
        await sara.Page.Locator("#note-text").FillAsync("@erik.sjo du hade samma fel förra veckan, vad gjorde du?");
        await sara.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Spara" }).First.ClickAsync();
        await Expect(sara.Page.Locator("ol.timeline > li").Last).ToContainTextAsync("Kollega nämnd");
        await Expect(sara.Owner).ToContainTextAsync("Sara Holm");
        await AccessibilityTests.AssertAccessibleAsync(sara.Page);

        var notices = erik.Locator("#live-notices");
        await Expect(notices).ToContainTextAsync($"Du nämndes i en anteckning på {number}.");
        await Expect(notices.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = number })).ToHaveAttributeAsync("href", $"cases/{number}");
    }

    private async Task<string> RegisterAsync(string customer, string subject)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var customerId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Customers.Where(c => c.Name == customer).Select(c => c.Id).FirstAsync();
        var sara = await scope.ServiceProvider.GetRequiredService<StaffCards>().FindByEmailAsync("sara.holm@moment.test");
        return (await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customerId, null, subject, null, null, Door.Phone, null), sara!.Id)).Number;
    }
}

public sealed class MentionTestsOnSqlite(SqliteBrowserApp app) : MentionTests(app);

public sealed class MentionTestsOnPostgres(PostgresBrowserApp app) : MentionTests(app);
