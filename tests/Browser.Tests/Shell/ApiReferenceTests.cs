using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Shell;

/// <summary>The API reference (Scalar) stays inside the installation and is as readable as the rest of Moment.</summary>
public abstract class ApiReferenceTests(BrowserApp app)
{
    [Fact]
    public async Task ApiReference_AsksNoOtherHostAndHasNoAiOrDeployButtons()
    {
        var page = await app.NewPageAsync();
        var hosts = new List<string>();
        page.Request += (_, request) =>
        {
            lock (hosts)
                hosts.Add(new Uri(request.Url).Host);
        };

        // Scalar's bundle is megabytes of script that a loaded CI machine took more than 15 s to load and run: wait for the
        // response only, then for the heading Scalar renders once it has read the whole document.
        await page.GotoAsync("/api-reference", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Moment API" }).First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        lock (hosts)
            Assert.All(hosts.Where(h => h.Length > 0), host => Assert.Equal("127.0.0.1", host));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByText("Ask AI")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Deploy", new() { Exact = true })).ToHaveCountAsync(0);
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
    }
}

public sealed class ApiReferenceTestsOnSqlite(SqliteBrowserApp app) : ApiReferenceTests(app);

public sealed class ApiReferenceTestsOnPostgres(PostgresBrowserApp app) : ApiReferenceTests(app);
