using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Pages;

/// <summary>The "Promises" section of the case page, as the owner uses it.</summary>
public sealed class PromisesSection(IPage page)
{
    public ILocator Rows => page.Locator("#promises tbody tr");

    /// <summary>One click on a quick choice; waits until the promise is in the list.</summary>
    public async Task MakeQuickAsync(string choice)
    {
        var before = await Rows.CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = choice }).ClickAsync();
        await Expect(Rows).ToHaveCountAsync(before + 1);
    }
}

/// <summary>The customer's own page (no sign-in, no JavaScript needed).</summary>
public sealed class CustomerPage(IPage page)
{
    public IPage Page => page;

    public ILocator Thanks => page.Locator("p.notice[role=status]");

    public ILocator Promises => page.Locator("#customer-promises li");

    /// <summary>With the keyboard only: tab to the button and press Enter.</summary>
    public async Task AskForTheManagerAsync(string buttonName)
    {
        var button = page.GetByRole(AriaRole.Button, new() { Name = buttonName });
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(Thanks).ToBeVisibleAsync();
    }
}
