using Microsoft.Playwright;
using Moment.Browser.Tests.Pages;
using Moment.Browser.Tests.Shell;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Cases;

/// <summary>
/// The owner puts a photo of the fault on a case in Swedish: a page disguised as a photo is refused in Swedish at the
/// file, the real photo is on the timeline, shown and downloadable, and the timeline filtered to what was between the
/// customer and us leaves it out. axe-core on the page after each.
/// </summary>
public abstract class CaseFileTests(BrowserApp app)
{
    // The smallest PNG there is: one transparent pixel.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task TheOwner_AddsAPhotoInSwedish_ItIsOnTheTimeline_AndAPageDisguisedAsAPhotoIsRefused()
    {
        var number = await app.RegisterCaseAsync("Anders Andersson", "Routern blinkar rött");
        var page = await LoginPage.SignedInAsync(app, "sara.holm@moment.test", "sv-SE");
        await page.GotoAsync($"/cases/{number}");
        await Moment.Browser.Tests.Pages.CasePage.OpenActionAsync(page, "file");

        await page.Locator("#file-content").SetInputFilesAsync(new FilePayload { Name = "foto.jpg", MimeType = "image/jpeg", Buffer = "<html><script>alert(1)</script></html>"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till filen" }).ClickAsync();
        await Expect(page.Locator("#case-error")).ToContainTextAsync("Inget sparades.");
        await Expect(page.Locator("details:has(#file-content) .field-error")).ToContainTextAsync("En fil av det här slaget kan inte läggas på ett ärende.");
        await Expect(page.Locator("#file-content")).ToHaveAttributeAsync("aria-invalid", "true");
        await AccessibilityTests.AssertAccessibleAsync(page);

        await page.Locator("#file-content").SetInputFilesAsync(new FilePayload { Name = "routern.png", MimeType = "image/png", Buffer = Png });
        await page.Locator("#file-comment").FillAsync("Lamporna klockan åtta");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till filen" }).ClickAsync();

        var entry = page.Locator("ol.timeline > li").Last;
        await Expect(entry).ToContainTextAsync("Fil tillagd");
        await Expect(entry).ToContainTextAsync("Sara Holm");
        await Expect(entry).ToContainTextAsync("Lamporna klockan åtta");
        await Expect(entry.GetByRole(AriaRole.Link, new() { Name = "routern.png" })).ToBeVisibleAsync();
        var image = entry.GetByRole(AriaRole.Img, new() { Name = "routern.png" });
        await Expect(image).ToBeVisibleAsync();
        // The browser loaded it: the photo has its pixel, not a broken image.
        Assert.Equal(1, await image.EvaluateAsync<int>("img => img.naturalWidth"));
        await Expect(page.Locator("#case-error")).ToHaveCountAsync(0);
        await AccessibilityTests.AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => entry.GetByRole(AriaRole.Link, new() { Name = "routern.png" }).ClickAsync());
        Assert.Equal("routern.png", download.SuggestedFilename);

        // The timeline filtered: the customer's call is between them and us; the registration and the file are internal.
        var timeline = page.Locator("ol.timeline");
        await page.GetByRole(AriaRole.Link, new() { Name = "Med kunden" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Med kunden" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(timeline).ToContainTextAsync("Telefon (inkommande)");
        await Expect(timeline).Not.ToContainTextAsync("Fil tillagd");
        await Expect(timeline).Not.ToContainTextAsync("Ärendet registrerat");
        await page.GetByRole(AriaRole.Link, new() { Name = "Interna händelser" }).ClickAsync();
        await Expect(timeline).ToContainTextAsync("Fil tillagd");
        await Expect(timeline).ToContainTextAsync("Ärendet registrerat");
        await Expect(timeline).Not.ToContainTextAsync("Telefon (inkommande)");
        await AccessibilityTests.AssertAccessibleAsync(page);
    }
}

public sealed class CaseFileTestsOnSqlite(SqliteBrowserApp app) : CaseFileTests(app);

public sealed class CaseFileTestsOnPostgres(PostgresBrowserApp app) : CaseFileTests(app);
