using Microsoft.Playwright;
using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Shell;

/// <summary>
/// WCAG 1.4.10 (reflow) on a phone 390 px wide: no page scrolls sideways, not even with a 200-character word in a
/// case. A data table wider than the screen may scroll by itself (the criterion's exception); the page may not.
/// </summary>
public abstract class PhoneTests(BrowserApp app)
{
    private const int Width = 390;

    // One word of 200 letters, as a pasted link or serial number without spaces would be.
    private static readonly string LongWord = string.Concat(Enumerable.Repeat("Linjekortsfel", 16))[..200];

    public static TheoryData<string, string[]> PagesByRole() => new()
    {
        { "erik.sjo@moment.test", ["/desk", "/desk?q=andersson", "/cases/new", "/profile", "/away"] },
        { "nora.vik@moment.test", ["/desk"] },
        { "maria.berg@moment.test", ["/manager-requests", "/staffing", "/staffing/decisions"] },
        { "astrid.lind@moment.test", ["/admin/users", "/admin/users/new", "/admin/teams", "/admin/teams/new", "/admin/queues", "/admin/queues/new"] },
        { "", ["/", "/account/login", "/account/access-denied", "/no-such-page", "/c/not-a-real-link"] },
    };

    [Theory]
    [MemberData(nameof(PagesByRole))]
    public async Task EveryPage_OnAPhone_FitsTheScreenWidth(string who, string[] paths)
    {
        var page = who.Length == 0 ? await app.NewPageAsync(width: Width) : await LoginPage.SignedInAsync(app, who, width: Width);
        var overflowing = new List<string>();

        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            overflowing.AddRange(await OverflowAsync(page));
            // The forms behind the lists: the first person, team and queue of each list.
            if (path is "/admin/users" or "/admin/teams" or "/admin/queues")
            {
                await page.Locator("main table tbody tr a").First.ClickAsync();
                await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/admin/(users|teams|queues)/[0-9a-f-]{36}$"));
                overflowing.AddRange(await OverflowAsync(page));
            }
        }

        Assert.Empty(overflowing);
    }

    [Fact]
    public async Task CaseWithA200CharacterWord_OnAPhone_FitsTheScreenForStaffAndCustomer()
    {
        var erik = new CasePage(await LoginPage.SignedInAsync(app, "erik.sjo@moment.test", width: Width));
        var number = await erik.RegisterAsync("Margit Andersson", LongWord, "Phone");
        await erik.Page.GetByLabel("Text", new() { Exact = true }).FillAsync("Told the customer: " + LongWord);
        await erik.Page.GetByLabel("The customer sees this on their page").CheckAsync();
        await erik.Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(erik.Page.Locator("ol.timeline")).ToContainTextAsync("Told the customer");
        await new PromisesSection(erik.Page).MakeQuickAsync("I'll call you back tomorrow before 15:00");
        var customerLink = await erik.CustomerLinkAsync();
        var overflowing = new List<string>(await OverflowAsync(erik.Page));
        await erik.Page.GotoAsync("/desk");
        overflowing.AddRange(await OverflowAsync(erik.Page));
        await erik.Page.GotoAsync("/desk?q=" + Uri.EscapeDataString(number));
        overflowing.AddRange(await OverflowAsync(erik.Page));

        var customer = new CustomerPage(await app.NewPageAsync("sv-SE", javaScript: false, width: Width));
        await customer.Page.GotoAsync(customerLink);
        overflowing.AddRange(await OverflowAsync(customer.Page));
        await customer.AskForTheManagerAsync("Jag vill tala med ansvarig chef");
        overflowing.AddRange(await OverflowAsync(customer.Page));
        var maria = await LoginPage.SignedInAsync(app, "maria.berg@moment.test", width: Width);
        await maria.GotoAsync("/manager-requests");
        overflowing.AddRange(await OverflowAsync(maria));
        var johan = await LoginPage.SignedInAsync(app, "johan.ek@moment.test", width: Width);
        await johan.GotoAsync($"/cases/{number}");
        overflowing.AddRange(await OverflowAsync(johan));
        await johan.GotoAsync("/desk");
        overflowing.AddRange(await OverflowAsync(johan));

        Assert.Empty(overflowing);
    }

    [Fact]
    public async Task NewCase_OnAPhone_PutsEachCustomerFieldUnderItsLabel()
    {
        var page = await LoginPage.SignedInAsync(app, "erik.sjo@moment.test", width: Width);
        await page.GotoAsync("/cases/new");

        foreach (var field in new[] { "customer-name", "customer-phone", "customer-email" })
        {
            var label = await page.Locator($"label[for={field}]").BoundingBoxAsync();
            var input = await page.Locator($"#{field}").BoundingBoxAsync();
            Assert.True(label!.Y + label.Height <= input!.Y, $"The label of #{field} is not above its field.");
        }
    }

    /// <summary>The page and where it overflows (the deepest elements reaching past the right edge), or nothing when it fits.</summary>
    private static async Task<IReadOnlyList<string>> OverflowAsync(IPage page)
    {
        var found = await page.EvaluateAsync<string[]>("""
            () => {
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) return [];
                const past = e => e.getBoundingClientRect().right > width + 0.5;
                const deepest = [...document.body.querySelectorAll('*')].filter(e => past(e) && ![...e.children].some(past));
                return [document.documentElement.scrollWidth + ' px wide: ' + deepest.slice(0, 4).map(e =>
                    e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().replace(/\s+/g, '.') : '')).join(', ')];
            }
            """);
        return [.. found.Select(f => $"{new Uri(page.Url).PathAndQuery}: {f}")];
    }
}

public sealed class PhoneTestsOnSqlite(SqliteBrowserApp app) : PhoneTests(app);

public sealed class PhoneTestsOnPostgres(PostgresBrowserApp app) : PhoneTests(app);
