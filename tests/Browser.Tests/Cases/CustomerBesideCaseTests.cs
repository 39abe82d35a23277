using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moment.Application.Data;
using Moment.Browser.Tests.Pages;
using Moment.Browser.Tests.Shell;
using Moment.Domain.Cases;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Cases;

/// <summary>
/// The customer beside the case, in Swedish: their other open case with its owner and the last contact at each door.
/// At 1366 px the panel stands to the right of the timeline; at 390 px it stacks above it, as wide as the page. axe-core at both.
/// </summary>
public abstract class CustomerBesideCaseTests(BrowserApp app)
{
    [Fact]
    public async Task TheCasePage_ShowsTheCustomersOtherOpenCase_BesideTheTimelineWide_AndStackedOnAPhone()
    {
        var britt = await NewCustomerAsync("Britt Berg");
        var earlier = await app.RegisterCaseAsync(britt, "Fakturan kom inte", door: Door.Email);
        var number = await app.RegisterCaseAsync(britt, "Bredbandet är nere");
        var page = await LoginPage.SignedInAsync(app, "sara.holm@moment.test", "sv-SE");
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync($"/cases/{number}");

        var beside = page.GetByRole(AriaRole.Complementary, new() { Name = "Mer om Britt Berg" });
        await Expect(beside.Locator("#beside-cases")).ToContainTextAsync(earlier);
        await Expect(beside.Locator("#beside-cases")).ToContainTextAsync("Fakturan kom inte");
        await Expect(beside.Locator("#beside-cases")).ToContainTextAsync("Sara Holm");
        await Expect(beside.Locator("#beside-cases")).Not.ToContainTextAsync(number);
        await Expect(beside.Locator("#beside-contacts")).ToContainTextAsync("E-post");
        await Expect(beside.Locator("#beside-contacts")).ToContainTextAsync("Telefon");
        var panel = (await beside.BoundingBoxAsync())!;
        var timeline = (await page.Locator("ol.timeline").BoundingBoxAsync())!;
        Assert.True(panel.X > timeline.X + timeline.Width - 1, $"the panel ({panel.X}) stands right of the timeline (ends at {timeline.X + timeline.Width})");
        await AccessibilityTests.AssertAccessibleAsync(page);

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/cases/{number}");
        panel = (await beside.BoundingBoxAsync())!;
        timeline = (await page.Locator("ol.timeline").BoundingBoxAsync())!;
        Assert.True(panel.Y + panel.Height <= timeline.Y, "on a phone the panel comes before the timeline");
        Assert.True(panel.Width > 300, $"on a phone the panel is as wide as the page ({panel.Width} px)");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "nothing is wider than the screen");
        await AccessibilityTests.AssertAccessibleAsync(page);
    }

    /// <summary>A customer of this test's own, so that no other test's cases stand beside hers.</summary>
    private async Task<Guid> NewCustomerAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = Moment.Domain.Customers.Customer.Register(name, DateTimeOffset.UtcNow);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer.Id;
    }
}

public sealed class CustomerBesideCaseTestsOnSqlite(SqliteBrowserApp app) : CustomerBesideCaseTests(app);

public sealed class CustomerBesideCaseTestsOnPostgres(PostgresBrowserApp app) : CustomerBesideCaseTests(app);
