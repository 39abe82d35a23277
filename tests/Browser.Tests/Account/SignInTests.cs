using Microsoft.Playwright;
using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Account;

public abstract class SignInTests(BrowserApp app)
{
    [Fact]
    public async Task SignIn_AsAdministrator_ShowsTheAdministratorsNavigation()
    {
        var page = await LoginPage.SignedInAsync(app, "astrid.lind@moment.test");

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out (astrid.lind@moment.test)" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_AsAgent_HasNoAdministratorsNavigation()
    {
        var page = await LoginPage.SignedInAsync(app, "lina.strom@moment.test");

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "My profile" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownUser_GetTheSameClearMessage()
    {
        var page = await app.NewPageAsync();
        var login = new LoginPage(page);
        await login.GoToAsync();

        await login.SignInAsync("nora.vik@moment.test", "not-the-password");
        await Expect(login.Error).ToHaveTextAsync("Wrong email or password.");
        await login.SignInAsync("nobody@moment.test", "not-the-password");
        await Expect(login.Error).ToHaveTextAsync("Wrong email or password.");
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        // Eva appears in no other browser test: her lockout must not lock anyone else's story out.
        var page = await app.NewPageAsync();
        var login = new LoginPage(page);
        await login.GoToAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await login.SignInAsync("eva.sund@moment.test", $"wrong-{attempt}");
            await Expect(login.Error).ToHaveTextAsync("Wrong email or password.");
        }

        await login.SignInAsync("eva.sund@moment.test", "wrong-5");
        await Expect(login.Error).ToContainTextAsync("Too many failed sign-ins");
        await login.SignInAsync("eva.sund@moment.test", LoginPage.DemoPassword);
        await Expect(login.Error).ToContainTextAsync("locked for 15 minutes");
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var page = await LoginPage.SignedInAsync(app, "omar.said@moment.test");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out (omar.said@moment.test)" }).ClickAsync();
        await page.GotoAsync("/profile");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }
}

public sealed class SignInTestsOnSqlite(SqliteBrowserApp app) : SignInTests(app);

public sealed class SignInTestsOnPostgres(PostgresBrowserApp app) : SignInTests(app);
