using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moment.Application.ApiTokens;
using Moment.Application.Staff;
using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Profile;

/// <summary>The profile page: an API token is made once, shown once, and a reload makes no second one.</summary>
public abstract class ProfileTests(BrowserApp app)
{
    [Fact]
    public async Task CreateToken_ThenReload_MakesOneTokenAndShowsItsSecretOnce()
    {
        // No other test makes tokens for Lars: the count is this test's own.
        var page = await LoginPage.SignedInAsync(app, "lars.borg@moment.test");
        await page.GotoAsync("/profile");
        await page.Locator("#token-name").FillAsync("Nightly report");

        var post = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync(),
            response => response.Request.Method == "POST");
        await Expect(page.Locator("#new-token code")).ToContainTextAsync("mt_");
        var posts = 0;
        // The form's post, not the live connection's negotiation (a POST to /live/negotiate on every page of staff).
        page.Request += (_, request) => posts += request.Method == "POST" && new Uri(request.Url).AbsolutePath == "/profile" ? 1 : 0;
        await page.ReloadAsync();

        Assert.Equal(303, post.Status);
        Assert.Equal(0, posts);
        await Expect(page.Locator("#new-token")).ToHaveCountAsync(0);
        Assert.Equal(1, await TokensAsync("lars.borg@moment.test", "Nightly report"));
    }

    [Fact]
    public async Task CreateToken_WithoutAName_SaysSoAtTheField()
    {
        var page = await LoginPage.SignedInAsync(app, "lars.borg@moment.test", "sv-SE");
        await page.GotoAsync("/profile");

        await page.Locator("#token-name").FillAsync("  ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa nyckel" }).ClickAsync();

        await Expect(page.Locator("#token-name-error")).ToHaveTextAsync("Namn måste fyllas i.");
        await Expect(page.Locator("#token-name")).ToHaveAttributeAsync("aria-invalid", "true");
    }

    private async Task<int> TokensAsync(string email, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var staff = await scope.ServiceProvider.GetRequiredService<ListStaff>().HandleAsync(TestContext.Current.CancellationToken);
        var id = staff.Single(s => s.Email == email).Id;
        var tokens = await scope.ServiceProvider.GetRequiredService<ListApiTokens>().HandleAsync(id, TestContext.Current.CancellationToken);
        return tokens.Count(t => t.Name == name);
    }
}

public sealed class ProfileTestsOnSqlite(SqliteBrowserApp app) : ProfileTests(app);

public sealed class ProfileTestsOnPostgres(PostgresBrowserApp app) : ProfileTests(app);
