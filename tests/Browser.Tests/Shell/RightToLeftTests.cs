using Microsoft.Playwright;
using Moment.Browser.Tests.Pages;

namespace Moment.Browser.Tests.Shell;

/// <summary>
/// Numbers beside a right-to-left name: "محمد الأحمد" with 070-111 22 33 must not show the number as "33 22 111-070".
/// Checked where the browser draws it: the number's first digit stands left of its last.
/// </summary>
public abstract class RightToLeftTests(BrowserApp app)
{
    private const string Name = "محمد الأحمد";
    private const string Phone = "070-111 22 33";

    [Fact]
    public async Task PhoneNumber_BesideAnArabicName_ReadsLeftToRightOnTheCasePageAndTheDesk()
    {
        var page = await LoginPage.SignedInAsync(app, "sara.holm@moment.test");
        await page.GotoAsync("/cases/new");
        await page.Locator("#customer-name").FillAsync(Name);
        await page.Locator("#customer-phone").FillAsync(Phone);
        await page.Locator("#customer-email").FillAsync("m.alahmad@example.se");
        await page.Locator("#subject").FillAsync("الفاتورة مرتين");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register case" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/cases/M-"));

        await AssertLeftToRightAsync(page.Locator("dl.facts"), Phone);

        await page.GotoAsync("/desk?q=" + Uri.EscapeDataString(Phone));
        var found = page.Locator("section[aria-labelledby=results] .card").Filter(new() { HasTextString = Name });
        await AssertLeftToRightAsync(found, Phone);

        await found.GetByRole(AriaRole.Link, new() { NameString = "New case for" }).ClickAsync();
        await AssertLeftToRightAsync(page.Locator("fieldset"), Phone);
    }

    /// <summary>Where the browser draws <paramref name="text"/> inside <paramref name="within"/>: its first character left of its last.</summary>
    private static async Task AssertLeftToRightAsync(ILocator within, string text)
    {
        var leftToRight = await within.EvaluateAsync<bool?>("""
            (root, text) => {
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const at = node.data.indexOf(text);
                    if (at < 0) continue;
                    const left = i => { const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1); return range.getBoundingClientRect().left; };
                    return left(at) < left(at + text.length - 1);
                }
                return null;
            }
            """, text);

        Assert.True(leftToRight is not null, $"{text} is not on the page.");
        Assert.True(leftToRight, $"{text} is drawn right to left.");
    }
}

public sealed class RightToLeftTestsOnSqlite(SqliteBrowserApp app) : RightToLeftTests(app);

public sealed class RightToLeftTestsOnPostgres(PostgresBrowserApp app) : RightToLeftTests(app);
