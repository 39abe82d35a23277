using System.Globalization;
using Microsoft.Playwright;

namespace Moment.Browser.Tests.Pages;

/// <summary>The Away page, as a person uses it: record an absence with a stand-in, cancel it, take work back.</summary>
public sealed class AwayPage(IPage page)
{
    public IPage Page => page;

    public ILocator Summary => page.Locator("#absence-summary");

    public ILocator Error => page.Locator("#away-error");

    /// <summary>What is wrong with the last day, at that field.</summary>
    public ILocator LastDayError => page.Locator("#absence-to-error");

    public async Task GoToAsync() => await page.GotoAsync("/away");

    public async Task RecordAsync(DateOnly firstDay, DateOnly lastDay, string standInEmail)
    {
        await page.Locator("#absence-from").FillAsync(firstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#absence-to").FillAsync(lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#absence-stand-in").SelectOptionAsync(standInEmail);
        await page.Locator("form:has(input[name=_handler][value=record-absence]) button[type=submit]").ClickAsync();
    }

    public ILocator WelcomeBack => page.Locator("section:has(#welcome-back)");

    public async Task TakeBackChosenAsync() =>
        await page.Locator("form:has(input[name=_handler][value=take-back]) button[type=submit]").ClickAsync();

    public ILocator Confirmation => page.Locator("#confirm-cancel");

    /// <summary>Asks to cancel (or to end, once started): the page asks again before it does.</summary>
    public async Task AskToCancelAsync() => await page.Locator("#cancel-absence").ClickAsync();

    /// <summary>Cancels the absence, or ends it when it has started: both steps.</summary>
    public async Task CancelAsync()
    {
        await AskToCancelAsync();
        await page.Locator("form:has(input[name=_handler][value=cancel-absence]) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/away$"));
    }
}
