using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Absences;
using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Absences;

/// <summary>Principle 12 in the browser: a person records their holiday with a named stand-in.</summary>
public abstract class AwayTests(BrowserApp app)
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
    public async Task BackFromBeingAway_TheCaseTheStandInHeld_CanBeTakenBack()
    {
        var henrik = new CasePage(await LoginPage.SignedInAsync(app, "henrik.falk@moment.test"));
        var number = await henrik.RegisterAsync("Anders Andersson", "Router replaced; check the line in a week", "Phone");
        var away = new AwayPage(henrik.Page);
        await away.GoToAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await away.RecordAsync(today, today.AddDays(2), "maria.berg@moment.test");
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<StartDueAbsences>().HandleAsync(TestContext.Current.CancellationToken);
        await away.GoToAsync();
        await Expect(away.Summary).ToContainTextAsync("Away now, up to and including");

        await away.CancelAsync();
        await Expect(away.WelcomeBack).ToContainTextAsync(number);
        await Expect(away.WelcomeBack).ToContainTextAsync("with Maria Berg");
        await away.TakeBackChosenAsync();

        await Expect(away.WelcomeBack).ToHaveCountAsync(0);
        await henrik.Page.GotoAsync($"/cases/{number}");
        await Expect(henrik.Owner).ToHaveTextAsync("Henrik Falk");
    }

    [Fact]
    public async Task RecordAbsence_EndingBeforeItStarts_SaysWhyInSwedish()
    {
        var away = new AwayPage(await LoginPage.SignedInAsync(app, "omar.said@moment.test", "sv-SE"));
        await away.GoToAsync();
        var firstDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(50);

        await away.RecordAsync(firstDay, firstDay.AddDays(-2), "karin.nord@moment.test");

        await Expect(away.LastDayError).ToHaveTextAsync("En frånvaro måste sluta efter att den börjar.");
        await Expect(away.Page.Locator("#absence-to")).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task Absence_OfWholeDays_ReadsAsDatesWithTheLastDayIncluded()
    {
        var away = new AwayPage(await LoginPage.SignedInAsync(app, "erik.sjo@moment.test"));
        await away.GoToAsync();
        var firstDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);

        await away.RecordAsync(firstDay, firstDay.AddDays(1), "sara.holm@moment.test");

        var english = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        await Expect(away.Summary).ToContainTextAsync($"Away {firstDay.ToString("dddd d MMMM", english)}");
        await Expect(away.Summary).ToContainTextAsync($"– {firstDay.AddDays(1).ToString("dddd d MMMM", english)}");
        await Expect(away.Summary).ToContainTextAsync("Sara Holm stands in for you.");
        await Expect(away.Summary).Not.ToContainTextAsync("00:00");
        await away.CancelAsync();
    }

    [Fact]
    public async Task CancelAbsence_WithoutJavaScript_AsksFirstAndKeepsItOnNo()
    {
        var page = await LoginPage.SignedInAsync(app, "kim.aberg@moment.test", javaScript: false);
        var away = new AwayPage(page);
        await away.GoToAsync();
        var firstDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(70);
        await away.RecordAsync(firstDay, firstDay.AddDays(2), "lina.strom@moment.test");
        await Expect(away.Summary).ToContainTextAsync("Lina Ström stands in for you.");

        await away.AskToCancelAsync();

        await Expect(away.Confirmation).ToContainTextAsync("Cancel your absence? Lina Ström will not stand in for you.");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "No, keep it" }).ClickAsync();
        await Expect(away.Confirmation).ToHaveCountAsync(0);
        await Expect(away.Summary).ToContainTextAsync("Lina Ström stands in for you.");
        await away.CancelAsync();
        await Expect(away.Summary).ToHaveCountAsync(0);
    }
}

public sealed class AwayTestsOnSqlite(SqliteBrowserApp app) : AwayTests(app);

public sealed class AwayTestsOnPostgres(PostgresBrowserApp app) : AwayTests(app);
