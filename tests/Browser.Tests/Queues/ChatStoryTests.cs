using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moment.Application.Data;
using Moment.Application.Queues;
using Moment.Application.Staff;
using Moment.Browser.Tests.Pages;
using Moment.Domain.Calendar;
using Moment.Domain.Teams;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Queues;

/// <summary>
/// The web chat door from both sides, in real browsers against the running app with its routing on: a customer on a
/// 360 px phone starts a chat in the widget on the demo page, sees their place, an available agent takes the offer on
/// the desk and answers, and the customer reads the answer; nothing is typed twice.
/// </summary>
public abstract class ChatStoryTests(BrowserApp app)
{
    [Fact]
    public async Task ACustomerChats_TheAvailableAgentTakesTheOffer_AndTheyTalk()
    {
        var name = "Testkund " + Guid.NewGuid().ToString("N")[..6];
        var queue = await AlwaysOpenQueueAsync();
        var agent = await LoginPage.SignedInAsync(app, "lina.strom@moment.test");
        await agent.GotoAsync("/desk");
        var panel = agent.Locator("section.queue-panel[data-live=on]");
        await Expect(panel).ToBeVisibleAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Available", Exact = true }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Available", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");

        var customer = await app.NewPageAsync("sv-SE", width: 360, height: 740);
        await customer.GotoAsync($"/demo/chat?queue={queue}");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Chatta med oss" }).ClickAsync();
        await customer.GetByLabel("Ditt namn").FillAsync(name);
        await customer.GetByLabel("Din fråga").FillAsync("Min faktura är för hög.");
        await customer.Keyboard.PressAsync("Tab");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Starta chatten" }).ClickAsync();
        await Expect(customer.Locator(".moment-chat-status")).ToContainTextAsync("Du är nummer 1 i kön.");
        var axe = await customer.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));

        var take = panel.GetByRole(AriaRole.Button, new() { Name = "Take " + name });
        await take.ClickAsync();
        var reply = panel.GetByLabel("Reply to " + name);
        await reply.FillAsync("Hej! Jag tittar på din faktura nu.");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(customer.Locator(".moment-chat-status")).ToContainTextAsync("Du chattar med Lina.");
        await Expect(customer.Locator(".moment-chat-log")).ToContainTextAsync("Lina: Hej! Jag tittar på din faktura nu.");
        await customer.GetByLabel("Skriv ett meddelande").FillAsync("Tack, <b>snällt</b>!");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Skicka" }).ClickAsync();
        await Expect(panel.Locator("ol.messages")).ToContainTextAsync("Tack, <b>snällt</b>!");
        // The customer's first question is the first message the agent sees: they never repeat themselves.
        await Expect(panel.Locator("ol.messages li").First).ToContainTextAsync("Min faktura är för hög.");

        await panel.GetByRole(AriaRole.Button, new() { Name = "End the chat" }).ClickAsync();
        await Expect(customer.Locator(".moment-chat-status")).ToContainTextAsync("Chatten är avslutad.");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Away", Exact = true }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Away", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
    }

    /// <summary>
    /// A team open around the clock with a queue of its own skill, which Lina is given: the test runs on the real clock at
    /// any hour, and no other test's chat can reach her.
    /// </summary>
    private async Task<Guid> AlwaysOpenQueueAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var team = Team.Create("Nattchatten " + Guid.NewGuid().ToString("N")[..6]);
        team.ChangeCalendar(BusinessCalendarSettings.Swedish with
        {
            OpeningHours = [.. Enum.GetValues<DayOfWeek>().Select(day => new OpeningHours(day, TimeOnly.MinValue, TimeOnly.MaxValue))],
            ClosedOnPublicHolidays = false,
            ClosedOnDeFactoHolidays = false,
        });
        db.Teams.Add(team);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var cards = scope.ServiceProvider.GetRequiredService<StaffCards>();
        var admin = Actor.Of((await cards.FindByEmailAsync("astrid.lind@moment.test", TestContext.Current.CancellationToken))!);
        var skill = "n" + Guid.NewGuid().ToString("N")[..10];
        var queue = await scope.ServiceProvider.GetRequiredService<QueueSettings>().SaveAsync(
            null, new SaveQueueRequest(team.Id, "Nattchatt", skill, null, null, null, null, null), admin, TestContext.Current.CancellationToken);
        var lina = (await cards.FindByEmailAsync("lina.strom@moment.test", TestContext.Current.CancellationToken))!;
        await scope.ServiceProvider.GetRequiredService<EquipAgent>().HandleAsync(lina.Id, new EquipAgentRequest("sv, en, " + skill, 3), admin, TestContext.Current.CancellationToken);
        return queue.Id;
    }
}

public sealed class ChatStoryTestsOnSqlite(SqliteBrowserApp app) : ChatStoryTests(app);

public sealed class ChatStoryTestsOnPostgres(PostgresBrowserApp app) : ChatStoryTests(app);
