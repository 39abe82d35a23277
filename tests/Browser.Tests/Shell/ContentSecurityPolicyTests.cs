using System.Collections.Concurrent;
using Microsoft.Playwright;
using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Shell;

/// <summary>
/// Scripts only from the app itself: the browser refuses nothing on the pages that run scripts (Blazor's, the live islands,
/// the API reference), and what the scripts do still happens.
/// </summary>
public abstract class ContentSecurityPolicyTests(BrowserApp app)
{
    [Fact]
    public async Task ApiReference_RendersTheApiUnderThePolicy()
    {
        var page = await app.NewPageAsync();
        var refusals = Refusals(page);

        await page.GotoAsync("/api-reference");

        // The operations are drawn by the reference's own script (an inline one with a nonce) from the OpenAPI document.
        await Expect(page.GetByText("Download OpenAPI Document").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByText("The signed-in member of staff, with roles and team.").First).ToBeVisibleAsync();
        Assert.Empty(refusals);
    }

    [Fact]
    public async Task LiveSlider_RecalculatesUnderThePolicy()
    {
        var page = await LoginPage.SignedInAsync(app, "maria.berg@moment.test");
        var refusals = Refusals(page);
        var whatIf = new Staffing.WhatIfPage(page);
        await whatIf.GoToAsync();
        await whatIf.WaitUntilLiveAsync();

        await whatIf.MoveSliderAsync(60);

        await Expect(whatIf.SliderValue).ToHaveTextAsync("60");
        Assert.Empty(refusals);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/desk")]
    public async Task Page_LoadsWithNothingRefused(string path)
    {
        var page = await LoginPage.SignedInAsync(app, "sara.holm@moment.test");
        var refusals = Refusals(page);

        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(refusals);
    }

    /// <summary>What the browser reports refusing under the page's Content-Security-Policy, as it happens.</summary>
    private static ConcurrentQueue<string> Refusals(IPage page)
    {
        var refusals = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                refusals.Enqueue(message.Text);
        };
        return refusals;
    }
}

public sealed class ContentSecurityPolicyTestsOnSqlite(SqliteBrowserApp app) : ContentSecurityPolicyTests(app);

public sealed class ContentSecurityPolicyTestsOnPostgres(PostgresBrowserApp app) : ContentSecurityPolicyTests(app);
