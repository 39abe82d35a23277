using Moment.Browser.Tests.Pages;
using Moment.Browser.Tests.Shell;
using Moment.TestSupport;
using Moment.Web.Realtime;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Cases;

/// <summary>
/// A mention reaches the colleague live: Erik has Moment open in Swedish in his own browser; Sara writes an internal note
/// on her case that mentions @erik.sjo, and Erik's page says so at once, with a link to the case, and the header's unread
/// count goes up; his notifications page lists it unread until he marks it read. The case stays Sara's. axe-core on the
/// case page and the notifications page.
/// </summary>
public abstract class MentionTests(BrowserApp app)
{
    [Fact]
    public async Task AColleagueMentionedInANote_IsToldLiveInTheirLanguage_AndTheOwnerStays()
    {
        // The demo data's own news must be in Erik's list before it is marked read and counted.
        await FeedReading.HandledByAsync(app.Services, LiveNotifications.SubscriberName, TestContext.Current.CancellationToken);
        var number = await app.RegisterCaseAsync("Anders Andersson", "Routern startar om varje natt");
        var erik = await LoginPage.SignedInAsync(app, "erik.sjo@moment.test", "sv-SE");
        await erik.GotoAsync("/notifications");
        if (await erik.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Markera alla som lästa" }).CountAsync() > 0)
            await erik.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Markera alla som lästa" }).ClickAsync();
        await Expect(erik.Locator("#unread")).ToBeHiddenAsync();
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
        await Expect(erik.Locator("#unread-count")).ToHaveTextAsync("1");
        await Expect(erik.Locator("#unread")).ToBeVisibleAsync();

        await erik.Locator("#notifications-link").ClickAsync();
        var item = erik.Locator("#notifications > li").First;
        await Expect(item.Locator(".unread-mark")).ToHaveTextAsync("Oläst");
        await Expect(item).ToContainTextAsync($"Du nämndes i en anteckning på {number}.");
        await AccessibilityTests.AssertAccessibleAsync(erik);
        await item.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = $"Markera som läst: Du nämndes i en anteckning på {number}." }).ClickAsync();
        await Expect(erik.Locator("#notifications > li").First.Locator(".unread-mark")).ToHaveCountAsync(0);
        await Expect(erik.Locator("#unread")).ToBeHiddenAsync();
    }
}

public sealed class MentionTestsOnSqlite(SqliteBrowserApp app) : MentionTests(app);

public sealed class MentionTestsOnPostgres(PostgresBrowserApp app) : MentionTests(app);
