using System.Globalization;
using Deque.AxeCore.Playwright;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using Moment.Application.Data;
using Moment.Browser.Tests.Pages;
using Moment.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Email;

/// <summary>
/// The email door end to end: a customer's email, sent over SMTP to Moment's listener, opens a case offered to the
/// mailbox's team; a member of the team finds it on their desk and takes it; its owner answers on the case page and the answer leaves by email (the app's own outbox, to a real SMTP server on loopback); the customer's
/// answer to it lands on the same case; the customer's file opens from the case page; and the page passes axe-core with
/// the email on it, in Swedish and in English.
/// </summary>
public abstract class EmailStoryTests(EmailBrowserApp app)
{
    private const string Johan = "johan.ek@moment.test";
    private const string Sara = "sara.holm@moment.test";

    [Fact]
    public async Task Email_ACustomersMailTheOwnersReplyAndTheAnswer_AllOnOneCaseWithTheFileOpening()
    {
        var receipt = "%PDF-1.4 kvitto"u8.ToArray();
        var body = new BodyBuilder
        {
            TextBody = "Hej! Jag har dragits två gånger, kvittot bifogas.",
            HtmlBody = "<p>Hej! Jag har dragits <b>två gånger</b>, kvittot bifogas.</p><script>document.body.innerHTML = 'kapad'</script>",
        };
        body.Attachments.Add("kvitto.pdf", receipt, new ContentType("application", "pdf"));
        var first = Mail("Greta Sand", "greta.sand@example.se", "Dubbel debitering", body);

        await app.SendAsync(first);
        var number = await CaseOfAsync(first);
        var page = await LoginPage.SignedInAsync(app, Sara);
        await page.GotoAsync("/desk");
        await Expect(page.Locator(".offers .card").Filter(new() { HasText = number })).ToContainTextAsync("From Johan Ek · to your team: Dubbel debitering");
        var sara = new CasePage(page);
        await sara.AcceptAsync(number);
        await Expect(sara.Owner).ToContainTextAsync("Sara Holm");
        await Expect(page.Locator("h1")).ToContainTextAsync("Dubbel debitering");
        await Expect(page.Locator(".conversation")).ToContainTextAsync("Jag har dragits två gånger");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "kvitto.pdf" }).ClickAsync());
        Assert.Equal("kvitto.pdf", download.SuggestedFilename);
        Assert.Equal(receipt, await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken));
        // The formatted body, in its sandboxed frame: the bold word as the customer wrote it, their script gone.
        await page.GetByText("Show as the sender formatted it").ClickAsync();
        var formatted = page.FrameLocator(".conversation details.formatted iframe");
        await Expect(formatted.Locator("b")).ToHaveTextAsync("två gånger");
        await Expect(formatted.Locator("body")).Not.ToContainTextAsync("kapad");

        await page.Locator("#note-text").FillAsync("Vi betalar tillbaka den ena dragningen inom tre dagar.");
        await page.GetByLabel("The customer sees this on their page").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".timeline li.public").Last).ToContainTextAsync("Email (outbound)");
        var sent = await app.Outbox.NextToAsync("greta.sand@example.se", TestContext.Current.CancellationToken);
        Assert.Contains("Vi betalar tillbaka", sent.TextBody, StringComparison.Ordinal);
        Assert.Contains(number, sent.Subject, StringComparison.Ordinal);
        await SentAsync(sent);
        await page.ReloadAsync();
        await Expect(page.Locator(".timeline li.public").Last.Locator(".delivery")).ToContainTextAsync("Sent");

        var answer = Mail("Greta Sand", "greta.sand@example.se", "Re: " + sent.Subject,
            new BodyBuilder { TextBody = $"Tack!\n\nOn Mon, 23 Nov 2026 at 10:00, Moment <{EmailBrowserApp.Mailbox}> wrote:\n> Vi betalar tillbaka den ena dragningen." });
        answer.InReplyTo = sent.MessageId;
        await app.SendAsync(answer);
        Assert.Equal(number, await CaseOfAsync(answer));
        await page.ReloadAsync();
        await Expect(page.Locator(".conversation .message.inbound").Last).ToContainTextAsync("Tack!");
        await Expect(page.Locator(".conversation .message.inbound").Last.Locator("details.quoted")).Not.ToHaveAttributeAsync("open", "");
        await AssertAccessibleAsync(page);

        var swedish = await LoginPage.SignedInAsync(app, Johan, "sv-SE");
        await swedish.GotoAsync($"/cases/{number}");
        await Expect(swedish.GetByText("Visa citerad text")).ToBeVisibleAsync();
        await AssertAccessibleAsync(swedish);
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.Empty(result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
    }

    /// <summary>
    /// Until the outbox has marked the message sent: the server on loopback holds it a moment before the sender's round
    /// records it. Polls the database, with a deadline, as the page is not live.
    /// </summary>
    private async Task SentAsync(MimeMessage message)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                if (await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages
                        .AnyAsync(m => m.ExternalId == $"<{message.MessageId}>" && m.Delivery == Moment.Domain.Conversations.DeliveryState.Sent, patience.Token))
                    return;
            }

            await Task.Delay(20, patience.Token);
        }
    }

    private async Task<string> CaseOfAsync(MimeMessage message)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.ConversationMessages.Where(m => m.ExternalId == $"<{message.MessageId}>")
            .Join(db.Conversations, m => m.ConversationId, c => c.Id, (m, c) => c.CaseId)
            .Join(db.Cases, id => id, k => k.Id, (id, k) => k.Number).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static MimeMessage Mail(string name, string address, string subject, BodyBuilder body)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Guid.NewGuid():N}@example.se", Body = body.ToMessageBody() };
        message.From.Add(new MailboxAddress(name, address));
        message.To.Add(MailboxAddress.Parse(EmailBrowserApp.Mailbox));
        return message;
    }
}

/// <summary>
/// A browser app of its own with the email door on: Moment's SMTP listener on a free loopback port, a mailbox for the
/// Phone team, and replies sent by the app's own outbox (real time) to a real SMTP server of the test's (<see cref="Outbox"/>).
/// </summary>
public abstract class EmailBrowserApp : BrowserApp
{
    public const string Mailbox = "kundservice@moment.test";

    protected EmailBrowserApp(DatabaseProvider provider)
        : base(provider)
    {
        SmtpPort = FreePort();
        Outbox = new CollectingSmtpServer(FreePort());
        Settings["Email:Listener:Port"] = SmtpPort.ToString(CultureInfo.InvariantCulture);
        Settings["Email:Mailboxes:0:Address"] = Mailbox;
        Settings["Email:Mailboxes:0:Team"] = "Phone";
        // The story follows the owner's reply in the outbox; the acknowledgement of a new case has tests of its own.
        Settings["Email:Mailboxes:0:Acknowledge"] = "false";
        Settings["Email:AttachmentFolder"] = Path.Combine(Path.GetTempPath(), "moment-attachments-" + Guid.NewGuid().ToString("N"));
        Settings["Email:Outbound:Host"] = "127.0.0.1";
        Settings["Email:Outbound:Port"] = Outbox.Port.ToString(CultureInfo.InvariantCulture);
        Settings["Email:Outbound:Security"] = "None";
    }

    public int SmtpPort { get; }

    public CollectingSmtpServer Outbox { get; }

    public override async ValueTask InitializeAsync()
    {
        await Outbox.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Outbox.DisposeAsync();
    }

    /// <summary>Sends a message to the listener as the customer's mail server would, once the listener listens.</summary>
    public async Task SendAsync(MimeMessage message)
    {
        await Services.GetRequiredService<Moment.Web.Features.Email.SmtpListenerState>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", SmtpPort, MailKit.Security.SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class SqliteEmailBrowserApp() : EmailBrowserApp(DatabaseProvider.Sqlite);

public sealed class PostgresEmailBrowserApp() : EmailBrowserApp(DatabaseProvider.Postgres);

public sealed class EmailStoryTestsOnSqlite(SqliteEmailBrowserApp app) : EmailStoryTests(app), IClassFixture<SqliteEmailBrowserApp>;

public sealed class EmailStoryTestsOnPostgres(PostgresEmailBrowserApp app) : EmailStoryTests(app), IClassFixture<PostgresEmailBrowserApp>;
