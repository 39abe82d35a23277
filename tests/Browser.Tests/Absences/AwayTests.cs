using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Absences;

/// <summary>Principle 12 in the browser: a person records their holiday with a named stand-in.</summary>
public sealed class AwayTests(BrowserApp app)
{
    [Fact]
    public async Task RecordAbsence_WithAStandIn_ShowsItAndCanBeCancelled()
    {
        // Weeks ahead on the real clock, so that no background round starts it while other tests run.
        var away = new AwayPage(await LoginPage.SignedInAsync(app, "karin.nord@moment.test"));
        await away.GoToAsync();
        var firstDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);

        await away.RecordAsync(firstDay, firstDay.AddDays(4), "omar.said@moment.test");

        await Expect(away.Summary).ToContainTextAsync("Omar Said stands in for you.");
        await away.CancelAsync();
        await Expect(away.Summary).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task RecordAbsence_EndingBeforeItStarts_SaysWhyInSwedish()
    {
        var away = new AwayPage(await LoginPage.SignedInAsync(app, "omar.said@moment.test", "sv-SE"));
        await away.GoToAsync();
        var firstDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(50);

        await away.RecordAsync(firstDay, firstDay.AddDays(-2), "karin.nord@moment.test");

        await Expect(away.Error).ToHaveTextAsync("En frånvaro måste sluta efter att den börjar.");
    }
}
