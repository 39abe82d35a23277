using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Cases;

/// <summary>
/// News reaches the person wherever they are in Moment: the offerer's open page says, in their language, that their
/// offer was accepted the moment the receiver accepts in another browser, with a link to the case.
/// </summary>
public abstract class LiveNoticeTests(BrowserApp app)
{
    [Fact]
    public async Task OffererSeesAcceptedLive_InTheirLanguage_WithALinkToTheCase()
    {
        var lina = new CasePage(await LoginPage.SignedInAsync(app, "lina.strom@moment.test"));
        var number = await lina.RegisterAsync("Yasmin Haddad", "Chat transcript missing", "Chat");
        await lina.OfferToAsync("Nora Vik (Chat)", "Yasmin wants her chat transcript from Monday.", "Team lead decides on transcripts");
        // Lina also has Moment open in Swedish, on her desk: news reaches every page of hers, each in its own language.
        var desk = await LoginPage.SignedInAsync(app, "lina.strom@moment.test", "sv-SE");
        await desk.GotoAsync("/desk");
        var notices = desk.Locator("#live-notices");
        await Expect(desk.Locator("#live-notices[data-live=on]")).ToBeAttachedAsync();

        var nora = new CasePage(await LoginPage.SignedInAsync(app, "nora.vik@moment.test"));
        await nora.AcceptAsync(number);

        await Expect(notices).ToContainTextAsync($"Ditt erbjudande om {number} har antagits.");
        await Expect(lina.Page.Locator("#live-notices")).ToContainTextAsync($"Your offer on {number} was accepted.");
        await Expect(notices.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = number })).ToHaveAttributeAsync("href", $"cases/{number}");
    }
}

public sealed class LiveNoticeTestsOnSqlite(SqliteBrowserApp app) : LiveNoticeTests(app);

public sealed class LiveNoticeTestsOnPostgres(PostgresBrowserApp app) : LiveNoticeTests(app);
