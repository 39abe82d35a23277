using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moment.Application.Chat;
using Moment.Application.Queues;
using Moment.Application.Staff;
using Moment.Browser.Tests.Pages;
using Moment.Domain.Queues;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Queues;

/// <summary>
/// The web chat door from both sides, in real browsers against the running app with its routing on: a customer on a
/// 360 px phone starts a chat in the widget on the demo page, sees their place, an available agent takes the offer on
/// the desk and answers, and the customer reads the answer; nothing is typed twice.
/// </summary>
public abstract class ChatStoryTests(BrowserApp app)
{
    private const string Lina = "lina.strom@moment.test";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACustomerChats_TheAvailableAgentTakesTheOffer_AndTheyTalk()
    {
        var name = "Testkund " + Guid.NewGuid().ToString("N")[..6];
        var (queue, _, _) = await OpenQueues.NewAsync(app, [Lina]);
        var agent = await LoginPage.SignedInAsync(app, Lina);
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
    /// Story 3 put right: the customer is told they are number 3 and a range, chooses to be answered here rather than
    /// wait on the page, and keeps their place; when the two ahead have gone and an agent becomes free, the offer is theirs,
    /// not that of the customer who came after them.
    /// </summary>
    [Fact]
    public async Task ACustomerThirdInLine_SeesTheirPlaceAndARange_ChoosesToBeAnswered_AndKeepsTheirPlaceBeforeTheOneBehind()
    {
        var name = "Tredje " + Guid.NewGuid().ToString("N")[..6];
        var (queue, _, _) = await OpenQueues.NewAsync(app, [Lina], chatCapacity: 1);
        // Lina finishes her last chat's notes: she serves the queue (so there is a range) but takes no offer yet.
        await SetPresenceAsync(Lina, Presence.WrapUp);
        var first = await StartAsync(queue, "Först " + Guid.NewGuid().ToString("N")[..6]);
        var second = await StartAsync(queue, "Andra " + Guid.NewGuid().ToString("N")[..6]);

        var customer = await app.NewPageAsync("sv-SE", width: 360, height: 740);
        await customer.GotoAsync($"/demo/chat?queue={queue}");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Chatta med oss" }).ClickAsync();
        await customer.GetByLabel("Ditt namn").FillAsync(name);
        await customer.GetByLabel("Din fråga").FillAsync("Mitt bredband har legat nere sedan i går.");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Starta chatten" }).ClickAsync();
        var status = customer.Locator(".moment-chat-status");
        await Expect(status).ToContainTextAsync("Du är nummer 3 i kön.");
        await Expect(status).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Väntetid (ungefär \d+–\d+|under \d+) minuter"));

        await customer.GetByRole(AriaRole.Button, new() { Name = "Svara mig här när det är min tur" }).ClickAsync();
        await Expect(status).ToContainTextAsync("Vi svarar här när det är din tur. Du behåller din plats");
        var behind = await StartAsync(queue, "Efter " + Guid.NewGuid().ToString("N")[..6]);
        await LeaveAsync(first);
        await LeaveAsync(second);

        var agent = await LoginPage.SignedInAsync(app, Lina);
        await agent.GotoAsync("/desk");
        var panel = agent.Locator("section.queue-panel[data-live=on]");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Available", Exact = true }).ClickAsync();
        try
        {
            await Expect(panel.Locator("#queue-offers li")).ToHaveCountAsync(1);
            await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Take " + name })).ToBeVisibleAsync();
            await panel.GetByRole(AriaRole.Button, new() { Name = "Take " + name }).ClickAsync();
            await Expect(status).ToContainTextAsync("Du chattar med Lina.");
            // Lina's one chat is taken; the customer who came after is still in line, first now.
            await Expect(panel.Locator("#queue-offers li")).ToHaveCountAsync(0);
            Assert.Equal(1, (await ReadAsync(behind)).Position);
            await panel.Locator("article.chat", new() { HasText = name }).GetByRole(AriaRole.Button, new() { Name = "End the chat" }).ClickAsync();
            await Expect(status).ToContainTextAsync("Chatten är avslutad.");
        }
        finally
        {
            await LeaveAsync(behind);
            await SetPresenceAsync(Lina, Presence.Away);
        }
    }

    /// <summary>
    /// The bot answers first and is never alone: the customer writes "människa" and an agent gets the chat with the whole
    /// conversation on top, the question, the bot's answer and the request, so nobody asks again.
    /// </summary>
    [Fact]
    public async Task ACustomerAsksTheBotForAHuman_AndTheAgentGetsTheWholeConversation()
    {
        var name = "Botkund " + Guid.NewGuid().ToString("N")[..6];
        var (queue, _, _) = await OpenQueues.NewAsync(app, [Lina], bot: [new BotAnswerView("Hur byter jag lösenord?", "Välj Byt lösenord under Mina sidor.")]);
        var agent = await LoginPage.SignedInAsync(app, Lina);
        await agent.GotoAsync("/desk");
        var panel = agent.Locator("section.queue-panel[data-live=on]");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Available", Exact = true }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Available", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");

        var customer = await app.NewPageAsync("sv-SE", width: 360, height: 740);
        await customer.GotoAsync($"/demo/chat?queue={queue}");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Chatta med oss" }).ClickAsync();
        await customer.GetByLabel("Ditt namn").FillAsync(name);
        await customer.GetByLabel("Din fråga").FillAsync("Hur byter jag lösenord?");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Starta chatten" }).ClickAsync();
        await Expect(customer.Locator(".moment-chat-log")).ToContainTextAsync("Välj Byt lösenord under Mina sidor.");
        await Expect(customer.GetByRole(AriaRole.Button, new() { Name = "Prata med en person" })).ToBeVisibleAsync();
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Take " + name })).ToHaveCountAsync(0);

        await customer.GetByLabel("Skriv ett meddelande").FillAsync("Det funkar inte, jag vill prata med en människa");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Skicka" }).ClickAsync();
        try
        {
            await panel.GetByRole(AriaRole.Button, new() { Name = "Take " + name }).ClickAsync();
            var chat = panel.Locator("article.chat", new() { HasText = name });
            await Expect(chat.Locator("ol.messages li").First).ToContainTextAsync("Hur byter jag lösenord?");
            await Expect(chat.Locator("ol.messages")).ToContainTextAsync("Välj Byt lösenord under Mina sidor.");
            await Expect(chat.Locator("ol.messages")).ToContainTextAsync("jag vill prata med en människa");
            await Expect(customer.Locator(".moment-chat-status")).ToContainTextAsync("Du chattar med Lina.");
            await chat.GetByRole(AriaRole.Button, new() { Name = "End the chat" }).ClickAsync();
            await Expect(customer.Locator(".moment-chat-status")).ToContainTextAsync("Chatten är avslutad.");
        }
        finally
        {
            await SetPresenceAsync(Lina, Presence.Away);
        }
    }

    /// <summary>
    /// The widget on a 360 px phone by keyboard alone, in both languages: open it, fill in the form, start, and choose a
    /// callback, never touching the mouse; axe-core finds nothing serious at any step. Nobody serves this queue, so the
    /// customer is offered a callback instead of a number.
    /// </summary>
    [Theory]
    [InlineData("sv-SE", "sv")]
    [InlineData("en-GB", "en")]
    public async Task TheWidget_WorksByKeyboardAlone_OnAPhone_AndHasNoSeriousViolations(string locale, string lang)
    {
        var (queue, _, _) = await OpenQueues.NewAsync(app, []);
        var sv = lang == "sv";
        var customer = await app.NewPageAsync(locale, width: 360, height: 740);
        await customer.GotoAsync($"/demo/chat?queue={queue}&lang={lang}");
        await AssertAccessibleAsync(customer);

        var opener = customer.GetByRole(AriaRole.Button, new() { Name = sv ? "Chatta med oss" : "Chat with us" });
        await TabToAsync(customer, opener);
        await customer.Keyboard.PressAsync("Enter");
        await Expect(customer.GetByLabel(sv ? "Ditt namn" : "Your name")).ToBeFocusedAsync();
        await customer.Keyboard.TypeAsync("Tangent Bordsson");
        await customer.Keyboard.PressAsync("Tab");
        await customer.Keyboard.TypeAsync(sv ? "Kan ni ringa mig om min order?" : "Could you call me about my order?");
        await AssertAccessibleAsync(customer);
        await TabToAsync(customer, customer.GetByRole(AriaRole.Button, new() { Name = sv ? "Starta chatten" : "Start the chat" }));
        await customer.Keyboard.PressAsync("Enter");
        var status = customer.Locator(".moment-chat-status");
        await Expect(status).ToContainTextAsync(sv ? "Ingen handläggare är inloggad just nu." : "No agent is signed in right now.");
        await AssertAccessibleAsync(customer);

        await TabToAsync(customer, customer.GetByLabel(sv ? "Ditt telefonnummer" : "Your phone number"));
        await customer.Keyboard.TypeAsync("070-123 45 67");
        await customer.Keyboard.PressAsync("Enter");
        await Expect(status).ToContainTextAsync(sv ? "Vi ringer dig på" : "We will call you on");
        await AssertAccessibleAsync(customer);
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus, as a keyboard user would; fails after 40 presses.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 40; presses++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
                return;
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail("The element was never reached with Tab.");
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
    }

    private async Task<string> StartAsync(Guid queue, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var started = await scope.ServiceProvider.GetRequiredService<StartChat>().HandleAsync(
            new StartChatRequest(queue, name, "Mitt bredband har legat nere.", null, null, "sv"), Ct);
        return started.Token;
    }

    private async Task LeaveAsync(string token)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LeaveChat>().HandleAsync(token, Ct);
    }

    private async Task<ChatStanding> ReadAsync(string token)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReadChat>().HandleAsync(token, null, Ct);
    }

    private async Task SetPresenceAsync(string email, Presence state)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var person = (await scope.ServiceProvider.GetRequiredService<StaffCards>().FindByEmailAsync(email, Ct))!;
        await scope.ServiceProvider.GetRequiredService<SetPresence>().HandleAsync(Actor.Of(person), state, Ct);
    }
}


public sealed class ChatStoryTestsOnSqlite(SqliteBrowserApp app) : ChatStoryTests(app);

public sealed class ChatStoryTestsOnPostgres(PostgresBrowserApp app) : ChatStoryTests(app);
