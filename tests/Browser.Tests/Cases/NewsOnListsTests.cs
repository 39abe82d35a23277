using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Staff;
using Moment.Browser.Tests.Pages;
using Moment.Browser.Tests.Shell;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Cases;

/// <summary>
/// A case with news is marked on every list: Johan mentions Sara in a note on her case; once the news reaches her, her
/// desk's list of her cases marks that case "News" (and no other), and so does the views page; she opens the case, and
/// the mark is gone. In both languages; axe-core on the desk with a mark.
/// </summary>
public abstract class NewsOnListsTests(BrowserApp app)
{
    [Theory]
    [InlineData("sv-SE", "Nytt")]
    [InlineData("en-GB", "News")]
    public async Task ACaseWithUnreadNews_IsMarkedOnTheLists_UntilItIsOpened(string locale, string news)
    {
        var told = await app.RegisterCaseAsync("Anders Andersson", "Routern blinkar rött");
        var quiet = await app.RegisterCaseAsync("Anders Andersson", "Ingen nämner detta");
        var sara = await LoginPage.SignedInAsync(app, "sara.holm@moment.test", locale);
        await sara.GotoAsync("/desk");
        await Expect(sara.Locator("#live-notices[data-live=on]")).ToBeAttachedAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var johan = await scope.ServiceProvider.GetRequiredService<StaffCards>().FindByEmailAsync("johan.ek@moment.test", TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<AddCaseNote>().HandleAsync(
                told, new AddCaseNoteRequest("@sara.holm kunden ringde igen om detta", false, null), Actor.Of(johan!), TestContext.Current.CancellationToken);
        }
        // The live notice comes once the news is in her list.
        await Expect(sara.Locator("#live-notices").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = told }).First).ToBeVisibleAsync();

        await sara.ReloadAsync();
        var mine = sara.Locator("section:has(#mine) tbody tr");
        await Expect(mine.Filter(new() { HasText = told }).Locator(".news-mark")).ToHaveTextAsync(news);
        await Expect(mine.Filter(new() { HasText = quiet }).Locator(".news-mark")).ToHaveCountAsync(0);
        await AccessibilityTests.AssertAccessibleAsync(sara);
        await sara.GotoAsync("/views");
        await Expect(sara.Locator("tbody tr").Filter(new() { HasText = told }).Locator(".news-mark")).ToHaveTextAsync(news);

        await sara.GotoAsync($"/cases/{told}");
        await sara.GotoAsync("/desk");
        await Expect(mine.Filter(new() { HasText = told })).ToHaveCountAsync(1);
        await Expect(mine.Filter(new() { HasText = told }).Locator(".news-mark")).ToHaveCountAsync(0);
    }
}

public sealed class NewsOnListsTestsOnSqlite(SqliteBrowserApp app) : NewsOnListsTests(app);

public sealed class NewsOnListsTestsOnPostgres(PostgresBrowserApp app) : NewsOnListsTests(app);
