using Microsoft.Playwright;

namespace Moment.Browser.Tests.Pages;

/// <summary>The sign-in page, as a person uses it: by its labels.</summary>
public sealed class LoginPage(IPage page)
{
    public const string DemoPassword = "Moment-demo-2026";

    /// <summary>The one answer to every refused sign-in, in English.</summary>
    public const string Refused = "Wrong email or password. After 5 failed sign-ins the account is locked for 15 minutes.";

    public ILocator Error => page.Locator("#login-error");

    public async Task GoToAsync() => await page.GotoAsync("/account/login");

    public async Task SignInAsync(string email, string password)
    {
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>A fresh browser signed in as <paramref name="email"/>; <paramref name="width"/> makes its window that narrow (a phone: 390).</summary>
    public static async Task<IPage> SignedInAsync(BrowserApp app, string email, string locale = "en-GB", bool javaScript = true, int? width = null)
    {
        var page = await app.NewPageAsync(locale, javaScript, width);
        var login = new LoginPage(page);
        await login.GoToAsync();
        await login.SignInAsync(email, DemoPassword);
        // Signed in once the sign-out form is there (the post may finish after the network first goes quiet).
        await Microsoft.Playwright.Assertions.Expect(page.Locator("form[action='account/logout']")).ToBeVisibleAsync();
        return page;
    }
}
