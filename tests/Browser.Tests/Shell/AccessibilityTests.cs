using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Moment.Browser.Tests.Pages;

namespace Moment.Browser.Tests.Shell;

/// <summary>axe-core on every page: no serious or critical violation, in both languages. Later features add their pages here.</summary>
public abstract class AccessibilityTests(BrowserApp app)
{
    public static TheoryData<string, string> AnonymousPages() => new()
    {
        { "/", "sv-SE" },
        { "/", "en-GB" },
        { "/account/login", "sv-SE" },
        { "/account/login", "en-GB" },
        { "/account/access-denied", "en-GB" },
        { "/no-such-page", "sv-SE" },
    };

    public static TheoryData<string, string> AdministratorPages() => new()
    {
        { "/", "sv-SE" },
        { "/profile", "sv-SE" },
        { "/profile", "en-GB" },
        { "/admin/users", "sv-SE" },
        { "/admin/users/new", "en-GB" },
        { "/admin/teams", "en-GB" },
        { "/admin/teams/new", "sv-SE" },
        { "/staffing", "en-GB" },
        { "/staffing", "sv-SE" },
        { "/staffing/decisions", "sv-SE" },
        { "/admin/queues", "sv-SE" },
        { "/admin/queues", "en-US" },
        { "/admin/queues/new", "sv-SE" },
        { "/admin/queues/new", "en-US" },
        { "/queues", "sv-SE" },
        { "/queues", "en-US" },
        { "/macros", "en-GB" },
        { "/macros/new", "sv-SE" },
        { "/notifications", "en-GB" },
    };

    [Theory]
    [MemberData(nameof(AnonymousPages))]
    public async Task AnonymousPage_HasNoSeriousViolations(string path, string locale)
    {
        var page = await app.NewPageAsync(locale);
        await page.GotoAsync(path);

        await AssertAccessibleAsync(page);
    }

    [Theory]
    [MemberData(nameof(AdministratorPages))]
    public async Task AdministratorPage_HasNoSeriousViolations(string path, string locale)
    {
        var page = await LoginPage.SignedInAsync(app, "astrid.lind@moment.test", locale);
        await page.GotoAsync(path);

        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task EditUserPage_HasNoSeriousViolations()
    {
        var page = await LoginPage.SignedInAsync(app, "astrid.lind@moment.test");
        await page.GotoAsync("/admin/users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sara Holm" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/admin/users/[0-9a-f-]{36}$"));

        await AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("en-GB")]
    public async Task CasePages_HaveNoSeriousViolations(string locale)
    {
        var sara = new CasePage(await LoginPage.SignedInAsync(app, "sara.holm@moment.test", locale));
        await sara.Page.GotoAsync("/desk?q=andersson");
        await AssertAccessibleAsync(sara.Page);
        await sara.Page.GotoAsync("/cases/new");
        await AssertAccessibleAsync(sara.Page);
        await sara.Page.GotoAsync("/desk?q=" + Uri.EscapeDataString("Jonas Persson"));
        await sara.Page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(New case for|Nytt ärende för) Jonas Persson$") }).ClickAsync();
        await sara.Page.GetByLabel(locale == "sv-SE" ? "Rubrik" : "Subject").FillAsync("App crashes");
        await sara.Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(Register case|Registrera ärendet)$") }).ClickAsync();
        await sara.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/cases/M-"));
        await AssertAccessibleAsync(sara.Page);
        await sara.Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(I'll call you back tomorrow before 15:00|Jag ringer upp dig i morgon före kl. 15.00)$") }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(sara.Page.Locator("#promises tbody tr")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(sara.Page);
        var link = await sara.CustomerLinkAsync();
        await sara.Page.GotoAsync("/desk");
        await AssertAccessibleAsync(sara.Page);
        var customer = await app.NewPageAsync(locale);
        await customer.GotoAsync(link);
        await AssertAccessibleAsync(customer);
        await customer.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(I want to talk to the responsible manager|Jag vill tala med ansvarig chef)$") }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(customer.Locator("p.notice[role=status]")).ToBeVisibleAsync();
        await AssertAccessibleAsync(customer);
    }

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("en-GB")]
    public async Task ManagerRequestsPage_HasNoSeriousViolations(string locale)
    {
        var maria = await LoginPage.SignedInAsync(app, "maria.berg@moment.test", locale);
        await maria.GotoAsync("/manager-requests");

        await AssertAccessibleAsync(maria);
    }

    /// <summary>
    /// The queue's pages with something on them: a customer waiting on the wall (live), the settings with a bot answer
    /// and the team's agents, and the desk with its queue panel live and an agent available.
    /// </summary>
    [Theory]
    [InlineData("sv-SE")]
    [InlineData("en-US")]
    public async Task QueuePages_HaveNoSeriousViolations(string locale)
    {
        var (queue, _, _) = await Queues.OpenQueues.NewAsync(app, []);
        using (var http = new HttpClient { BaseAddress = app.BaseAddress })
        {
            using var started = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "/api/public/chat",
                new { queueId = queue, name = "Axel Axe", question = "Hej", language = "en" }, TestContext.Current.CancellationToken);
            Assert.True(started.IsSuccessStatusCode);
        }

        var lead = await LoginPage.SignedInAsync(app, "johan.ek@moment.test", locale);
        await lead.GotoAsync($"/queues/{queue}/wall");
        await Microsoft.Playwright.Assertions.Expect(lead.Locator(".wall-board[data-live=on] #wall-line tbody tr")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(lead);

        var admin = await LoginPage.SignedInAsync(app, "astrid.lind@moment.test", locale);
        await admin.GotoAsync("/admin/queues");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Chatten", Exact = true }).ClickAsync();
        await admin.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/admin/queues/[0-9a-f-]{36}$"));
        await AssertAccessibleAsync(admin);

        var agent = await LoginPage.SignedInAsync(app, "sara.holm@moment.test", locale);
        await agent.GotoAsync("/desk");
        var panel = agent.Locator("section.queue-panel[data-live=on]");
        await panel.GetByRole(AriaRole.Button, new() { Name = locale == "sv-SE" ? "Upptagen" : "Busy", Exact = true }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(panel.GetByRole(AriaRole.Button, new() { Name = locale == "sv-SE" ? "Upptagen" : "Busy", Exact = true }))
            .ToHaveAttributeAsync("aria-pressed", "true");
        await AssertAccessibleAsync(agent);
        await panel.GetByRole(AriaRole.Button, new() { Name = locale == "sv-SE" ? "Frånvaro" : "Away", Exact = true }).ClickAsync();
    }

    internal static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");
        Assert.Empty(serious);
    }
}

public sealed class AccessibilityTestsOnSqlite(SqliteBrowserApp app) : AccessibilityTests(app);

public sealed class AccessibilityTestsOnPostgres(PostgresBrowserApp app) : AccessibilityTests(app);
