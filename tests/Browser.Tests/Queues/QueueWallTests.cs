using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Moment.Browser.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Queues;

/// <summary>
/// The queue wall and the queue settings in a real browser against the running app, its routing on: the wall on a
/// 1920 × 1080 screen shows a customer who starts a chat and an agent who becomes available and takes it, without a
/// reload and without scrolling; an administrator sets up a queue, is told a wrong norm at its field, and adds a
/// question and answer for its bot.
/// </summary>
public abstract partial class QueueWallTests(BrowserApp app)
{
    private const string Kim = "kim.aberg@moment.test";

    [Fact]
    public async Task TheWall_ShowsACustomerWhoStartsAChat_AndTheAgentWhoTakesIt_WithoutAReload()
    {
        var (queue, _, name) = await OpenQueues.NewAsync(app, [Kim]);
        var wall = await app.NewPageAsync("en-GB", width: 1920, height: 1080);
        var login = new LoginPage(wall);
        await login.GoToAsync();
        await login.SignInAsync("nora.vik@moment.test", LoginPage.DemoPassword);
        await wall.GotoAsync($"/queues/{queue}/wall");
        await Expect(wall.Locator(".wall-board[data-live=on]")).ToBeVisibleAsync();
        await Expect(wall.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
        await Expect(wall.Locator("#tile-waiting .wall-number")).ToHaveTextAsync("0");
        // Marked, so that a reload (which would bring a fresh page without the mark) cannot pass for a live update.
        await wall.EvaluateAsync("() => window.notReloaded = true");

        var customer = "Väggkund " + Guid.NewGuid().ToString("N")[..6];
        using (var http = new HttpClient { BaseAddress = app.BaseAddress })
        {
            using var started = await http.PostAsJsonAsync("/api/public/chat",
                new { queueId = queue, name = customer, question = "Min faktura är för hög.", language = "sv" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        }

        await Expect(wall.Locator("#tile-waiting .wall-number")).ToHaveTextAsync("1");
        await Expect(wall.Locator("#wall-line tbody tr")).ToHaveCountAsync(1);
        await Expect(wall.Locator("#wall-line tbody tr").First).ToContainTextAsync("Chat");
        await Expect(wall.Locator("#wall-line tbody tr").First).ToContainTextAsync("Swedish");
        await Expect(wall.Locator("main")).Not.ToContainTextAsync(customer);

        var agent = await LoginPage.SignedInAsync(app, Kim);
        await agent.GotoAsync("/desk");
        var panel = agent.Locator("section.queue-panel[data-live=on]");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Available", Exact = true }).ClickAsync();
        var kimOnTheWall = wall.Locator("#wall-agents tbody tr", new() { HasText = "Kim Åberg" });
        await Expect(kimOnTheWall).ToContainTextAsync("Available");
        await Expect(kimOnTheWall).ToContainTextAsync("0 of 3");

        await panel.GetByRole(AriaRole.Button, new() { Name = "Take " + customer }).ClickAsync();
        await Expect(wall.Locator("#tile-waiting .wall-number")).ToHaveTextAsync("0");
        await Expect(wall.Locator("#wall-line")).ToHaveCountAsync(0);
        await Expect(kimOnTheWall).ToContainTextAsync("1 of 3");
        await Expect(wall.Locator("#tile-answered .wall-number")).ToHaveTextAsync("1");
        Assert.True(await wall.EvaluateAsync<bool>("() => window.notReloaded === true"), "The wall was reloaded.");
        Assert.True(await wall.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= document.documentElement.clientHeight"),
            "The wall scrolls on a 1920 × 1080 screen.");

        await panel.GetByRole(AriaRole.Button, new() { Name = "End the chat" }).ClickAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Away", Exact = true }).ClickAsync();
        await Expect(wall.Locator("#wall-agents")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnAdministrator_SetsUpAQueue_IsToldAWrongNormAtItsField_AndAddsABotAnswer()
    {
        var page = await LoginPage.SignedInAsync(app, "astrid.lind@moment.test");
        var name = "Fakturakön " + Guid.NewGuid().ToString("N")[..6];
        await page.GotoAsync("/admin/queues");
        await page.GetByRole(AriaRole.Link, new() { Name = "New queue" }).ClickAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Chat" });
        await page.GetByLabel("Skills", new() { Exact = true }).FillAsync("billing");
        await page.GetByLabel("Round robin").CheckAsync();
        await page.GetByLabel("Share answered in time, in percent").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.Locator("#norm-share-error")).ToHaveTextAsync("The norm's share must be more than 0 % and at most 100 %.");
        await Expect(page.Locator("#norm-share")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(name);

        await page.GetByLabel("Share answered in time, in percent").FillAsync("90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync(QueuePath());
        await Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("The queue is saved.");
        await Expect(page.GetByLabel("Share answered in time, in percent")).ToHaveValueAsync("90");
        await Expect(page.GetByLabel("Round robin")).ToBeCheckedAsync();

        await page.GetByLabel("Question", new() { Exact = true }).FillAsync("Var hittar jag min faktura?");
        await page.GetByLabel("Answer", new() { Exact = true }).FillAsync("Under Mina sidor, Fakturor.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the question and answer" }).ClickAsync();
        await Expect(page.Locator("p.notice[role=status]")).ToHaveTextAsync("The question and answer are added.");
        await Expect(page.Locator("#bot-answers li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#bot-answers")).ToContainTextAsync("Under Mina sidor, Fakturor.");

        await page.GotoAsync("/admin/queues");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
    }

    [GeneratedRegex("/admin/queues/[0-9a-f-]{36}$")]
    private static partial Regex QueuePath();
}

public sealed class QueueWallTestsOnSqlite(SqliteBrowserApp app) : QueueWallTests(app);

public sealed class QueueWallTestsOnPostgres(PostgresBrowserApp app) : QueueWallTests(app);
