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

    [Theory]
    [InlineData("lina.strom@moment.test", "/desk")]
    [InlineData("johan.ek@moment.test", "/desk")]
    [InlineData("per.dahl@moment.test", "/staffing")]
    [InlineData("astrid.lind@moment.test", "/admin/users")]
    public async Task SignIn_WithoutAPageAsked_LandsWhereTheRoleWorks(string email, string start)
    {
        var page = await LoginPage.SignedInAsync(app, email);

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"{start}$"));
    }

    [Fact]
    public async Task SignIn_AfterAskingForAPage_LandsOnThatPage()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/away");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));

        await new LoginPage(page).SignInAsync("lina.strom@moment.test", LoginPage.DemoPassword);

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/away$"));
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownUser_GetTheSameClearMessage()
    {
        var page = await app.NewPageAsync();
        var login = new LoginPage(page);
        await login.GoToAsync();

        await login.SignInAsync("nora.vik@moment.test", "not-the-password");
        await Expect(login.Error).ToHaveTextAsync(LoginPage.Refused);
        await login.SignInAsync("nobody@moment.test", "not-the-password");
        await Expect(login.Error).ToHaveTextAsync(LoginPage.Refused);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        // Eva appears in no other browser test: her lockout must not lock anyone else's story out.
        var page = await app.NewPageAsync();
        var login = new LoginPage(page);
        await login.GoToAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await login.SignInAsync("eva.sund@moment.test", $"wrong-{attempt}");
            await Expect(login.Error).ToHaveTextAsync(LoginPage.Refused);
        }

        // Locked: the right password gets the same words as a wrong one, which say why it may be refused.
        await login.SignInAsync("eva.sund@moment.test", LoginPage.DemoPassword);
        await Expect(login.Error).ToHaveTextAsync(LoginPage.Refused);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login$"));
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
