using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Moment.Application.Data;
using Moment.Application.Email;
using Moment.Domain.Cases;
using Moment.Domain.Conversations;
using Moment.TestSupport;
using Moment.Web.Features.Email;

namespace Moment.Web.Tests.Email;

/// <summary>
/// Moment's own SMTP listener in a started app, fed by a real SMTP client (MailKit) over loopback: a customer's email
/// opens a case, their reply lands on the same case, and mail for anyone else is refused at the recipient. The owner's
/// reply goes out over SMTP to a real server on loopback, threaded so that the customer's answer finds the case again.
/// </summary>
public abstract class EmailOverSmtpTests(SmtpApp app) : IAsyncLifetime
{
    private const string Mailbox = "kundservice@moment.test";
    private const string Johan = "johan.ek@moment.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        app.RequireProvider();
        await app.Services.GetRequiredService<SmtpListenerState>().Listening.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Smtp_ACustomersEmailAndTheirReply_OpenOneCaseWithBothMessages()
    {
        var first = Mail("Rut Holm", "rut.holm@example.se", "Mobilen laddar inte", "Laddaren verkar trasig.");
        var reply = Mail("Rut Holm", "rut.holm@example.se", "Re: Mobilen laddar inte", "Jag testade en annan laddare, samma sak.");
        reply.InReplyTo = first.MessageId;

        await SendAsync(first);
        await SendAsync(reply);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var conversation = await db.Conversations.SingleAsync(c => c.ExternalId == $"<{first.MessageId}>", Ct);
        var @case = await db.Cases.SingleAsync(c => c.Id == conversation.CaseId, Ct);
        Assert.Equal((Door.Email, "Mobilen laddar inte"), (@case.FirstDoor, @case.Subject));
        Assert.Equal(["Laddaren verkar trasig.", "Jag testade en annan laddare, samma sak."],
            await db.ConversationMessages.Where(m => m.ConversationId == conversation.Id).OrderBy(m => m.Id).Select(m => m.Text).ToListAsync(Ct));
    }

    /// <summary>
    /// Swaks (Debian's <c>swaks</c>, which <c>./test.sh</c> installs when missing), the tool an operator tries a mail
    /// server with, speaking its own SMTP: the message opens a case; mail for no mailbox is refused at the recipient.
    /// </summary>
    [Fact]
    public async Task Swaks_AMessageItSends_OpensACase_AndOneForNoMailboxIsRefused()
    {
        var messageId = $"<swaks-{Guid.NewGuid():N}@example.se>";

        var (sent, transcript) = await SwaksAsync("--from", "ove.swaks@example.se", "--to", Mailbox, "--header", "Subject: Elen är borta",
            "--header", $"Message-Id: {messageId}", "--header", "Content-Type: text/plain; charset=UTF-8", "--body", "Strömmen har varit borta sedan klockan sju.");
        var (refused, refusal) = await SwaksAsync("--from", "ove.swaks@example.se", "--to", "nobody@moment.test", "--body", "Fel adress.");

        Assert.True(sent == 0, transcript);
        Assert.Contains("<-  250", transcript, StringComparison.Ordinal);
        Assert.NotEqual(0, refused);
        Assert.Contains("<** 550", refusal, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var conversation = await db.Conversations.SingleAsync(c => c.ExternalId == messageId, Ct);
        Assert.Equal("Strömmen har varit borta sedan klockan sju.", await db.ConversationMessages.Where(m => m.ConversationId == conversation.Id).Select(m => m.Text).SingleAsync(Ct));
        Assert.Equal((Door.Email, "Elen är borta"), await db.Cases.Where(c => c.Id == conversation.CaseId).Select(c => new ValueTuple<Door, string>(c.FirstDoor, c.Subject)).SingleAsync(Ct));
    }

    [Fact]
    public async Task Smtp_MailForAnAddressThatIsNoMailbox_IsRefusedAtTheRecipient()
    {
        var mail = Mail("Vilse", "vilse@example.se", "Hej", "Fel adress.");
        mail.To.Clear();
        mail.To.Add(MailboxAddress.Parse("nobody@moment.test"));

        var refusal = await Assert.ThrowsAsync<SmtpCommandException>(() => SendAsync(mail));

        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, refusal.ErrorCode);
    }

    [Fact]
    public async Task Reply_ByTheOwner_GoesOutThreadedWithTheCaseNumberAndTheCustomersAnswerLandsOnTheSameCase()
    {
        var first = Mail("Sixten Borg", "sixten.borg@example.se", "Fakturan saknas", "Jag har inte fått någon faktura.");
        await SendAsync(first);
        var (conversationId, number) = await ConversationOfAsync(first);

        using var johan = await app.ClientForAsync(Johan);
        using var written = await johan.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { direction = "outbound", text = "Vi skickar den i dag." }, Ct);
        written.EnsureSuccessStatusCode();
        var round = await SendOutboxAsync();
        var sent = await app.Outbox.NextToAsync("sixten.borg@example.se", Ct);

        Assert.True(round.Sent >= 1);
        Assert.Equal((Mailbox, "sixten.borg@example.se"), (sent.From.Mailboxes.Single().Address, sent.To.Mailboxes.Single().Address));
        Assert.Equal($"Re: Fakturan saknas [{number}]", sent.Subject);
        Assert.Equal(first.MessageId, sent.InReplyTo);
        Assert.Contains(first.MessageId, sent.References);
        Assert.Contains("Vi skickar den i dag.", sent.TextBody, StringComparison.Ordinal);
        Assert.Contains("/c/", sent.TextBody, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages
                .SingleAsync(m => m.ConversationId == conversationId && m.Direction == ContactDirection.Outbound, Ct);
            Assert.Equal((DeliveryState.Sent, $"<{sent.MessageId}>"), (stored.Delivery, stored.ExternalId));
        }

        var answer = Mail("Sixten Borg", "sixten.borg@example.se", "Re: " + sent.Subject, "Tack, nu kom den.");
        answer.InReplyTo = sent.MessageId;
        await SendAsync(answer);
        Assert.Equal((conversationId, number), await ConversationOfAsync(answer));
        await SendOutboxAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Sent once: a later round does not send it again.
            Assert.Equal(DeliveryState.Sent, (await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages
                .SingleAsync(m => m.ConversationId == conversationId && m.Direction == ContactDirection.Outbound, Ct)).Delivery);
        }
    }

    [Fact]
    public async Task Reply_RefusedByTheServerForGood_IsMarkedFailedWithTheServersWords()
    {
        var first = Mail("Refuse", CollectingSmtpServer.Refusing, "Hej", "Svara mig.");
        await SendAsync(first);
        var (conversationId, _) = await ConversationOfAsync(first);
        using var johan = await app.ClientForAsync(Johan);
        using var written = await johan.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { direction = "outbound", text = "Svar." }, Ct);
        written.EnsureSuccessStatusCode();

        var round = await SendOutboxAsync();

        Assert.True(round.Failed >= 1);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages
            .SingleAsync(m => m.ConversationId == conversationId && m.Direction == ContactDirection.Outbound, Ct);
        Assert.Equal(DeliveryState.Failed, stored.Delivery);
        Assert.StartsWith("550", stored.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smtp_ANewCaseAtAMailboxThatAcknowledges_IsAcknowledgedOnceThreadedWithTheCaseNumberAndTheLink()
    {
        var first = Mail("Elsa Ström", "elsa.strom@example.se", "Räkningen", "Hej! Räkningen för oktober är dubbel.");
        first.To.Clear();
        first.To.Add(MailboxAddress.Parse(SmtpApp.AcknowledgingMailbox));
        await SendAsync(first);
        var (conversationId, number) = await ConversationOfAsync(first);
        var reply = Mail("Elsa Ström", "elsa.strom@example.se", "Re: Räkningen", "Jag glömde: kundnummer 1234.");
        reply.To.Clear();
        reply.To.Add(MailboxAddress.Parse(SmtpApp.AcknowledgingMailbox));
        reply.InReplyTo = first.MessageId;
        await SendAsync(reply);

        await SendOutboxAsync();
        var acknowledgement = await app.Outbox.NextToAsync("elsa.strom@example.se", Ct);
        await SendOutboxAsync();

        Assert.Equal((SmtpApp.AcknowledgingMailbox, $"Re: Räkningen [{number}]"), (acknowledgement.From.Mailboxes.Single().Address, acknowledgement.Subject));
        Assert.Equal((first.MessageId, "auto-replied"), (acknowledgement.InReplyTo, acknowledgement.Headers[HeaderId.AutoSubmitted]));
        Assert.Contains($"Tack för ditt mejl. Vi har fått det, och det är nu ärende {number}.", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Contains("Vi tittar på det", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost:5080/c/", acknowledgement.TextBody, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var outbound = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages
            .Where(m => m.ConversationId == conversationId && m.Direction == ContactDirection.Outbound).ToListAsync(Ct);
        Assert.Equal((DeliveryState.Sent, $"<{acknowledgement.MessageId}>"), (Assert.Single(outbound).Delivery, outbound[0].ExternalId));
    }

    [Fact]
    public async Task Reply_TheServerKeepsAskingToTryLater_IsTriedOnScheduleThenNotDeliveredOnTheCasePage()
    {
        var first = Mail("Later", CollectingSmtpServer.Deferring, "Hej", "Svara mig.");
        await SendAsync(first);
        var (conversationId, number) = await ConversationOfAsync(first);
        using var johan = await app.ClientForAsync(Johan);
        using var replied = await johan.PostAsJsonAsync($"/api/cases/{number}/notes", new { text = "Vi ringer dig i stället.", isPublic = true }, Ct);
        replied.EnsureSuccessStatusCode();

        var waited = await SendOutboxAsync();
        foreach (var (wait, tries) in OutboundSmtpSettings.DefaultRetryAfter.Select((wait, i) => (wait, i + 1)))
        {
            var waiting = await TriedAsync(conversationId, tries);
            Assert.Equal((DeliveryState.Queued, app.Time.GetUtcNow() + wait), (waiting.Delivery, waiting.NextAttemptAt));
            // Moving the clock also wakes the app's own sender; whichever round claims the message tries it, once.
            app.Time.Advance(wait);
            await SendOutboxAsync();
        }

        Assert.True(waited.Waiting >= 1);
        var failed = await TriedAsync(conversationId, 6);
        Assert.Equal((DeliveryState.Failed, 6), (failed.Delivery, failed.Attempts));
        Assert.StartsWith("450", failed.Failure, StringComparison.Ordinal);
        Assert.EndsWith("(tried 6 times)", failed.Failure, StringComparison.Ordinal);
        using var page = await app.SignedInClientAsync(Johan);
        var html = await page.GetStringAsync($"/cases/{number}", Ct);
        Assert.Contains("class=\"delivery\"> · Inte levererat: 450", html, StringComparison.Ordinal);
    }

    /// <summary>The outbound message once it has been tried <paramref name="tries"/> times (by this test's round or the app's own).</summary>
    private async Task<ConversationMessage> TriedAsync(Guid conversationId, int tries)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var message = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages.AsNoTracking()
                .SingleAsync(m => m.ConversationId == conversationId && m.Direction == ContactDirection.Outbound, Ct);
            if ((message.Attempts >= tries && message.SendingBy is null) || DateTime.UtcNow > until)
                return message;
            await Task.Delay(50, Ct);
        }
    }

    private async Task<EmailSendRound> SendOutboxAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SendQueuedEmail>().HandleAsync(new Uri("http://localhost:5080"), Ct);
    }

    private async Task<(Guid ConversationId, string Number)> ConversationOfAsync(MimeMessage message)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var conversationId = await db.ConversationMessages.Where(m => m.ExternalId == $"<{message.MessageId}>").Select(m => m.ConversationId).SingleAsync(Ct);
        var number = await db.Conversations.Where(c => c.Id == conversationId)
            .Join(db.Cases, c => c.CaseId, k => k.Id, (c, k) => k.Number).SingleAsync(Ct);
        return (conversationId, number);
    }

    private async Task SendAsync(MimeMessage message)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", app.SmtpPort, MailKit.Security.SecureSocketOptions.None, Ct);
        await client.SendAsync(message, Ct);
        await client.DisconnectAsync(true, Ct);
    }

    private async Task<(int ExitCode, string Transcript)> SwaksAsync(params string[] arguments)
    {
        const string Swaks = "/usr/bin/swaks";
        if (!File.Exists(Swaks))
            throw new InvalidOperationException($"{Swaks} is missing: install Debian's swaks (./test.sh does).");
        var start = new System.Diagnostics.ProcessStartInfo(Swaks, ["--server", "127.0.0.1", "--port", app.SmtpPort.ToString(CultureInfo.InvariantCulture), "--timeout", "30", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var errors = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output + await errors);
    }

    private static MimeMessage Mail(string name, string address, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Guid.NewGuid():N}@example.se", Body = new TextPart("plain") { Text = text } };
        message.From.Add(new MailboxAddress(name, address));
        message.To.Add(MailboxAddress.Parse(Mailbox));
        return message;
    }
}

/// <summary>
/// An app with the SMTP listener on a free loopback port, a mailbox for the Phone team, and replies going out to a real
/// SMTP server of the test's own (<see cref="Outbox"/>) on another loopback port.
/// </summary>
public class SmtpApp : MomentApp
{
    private const string Mailbox = "kundservice@moment.test";

    /// <summary>A mailbox that acknowledges new cases, as mailboxes do unless told not to.</summary>
    public const string AcknowledgingMailbox = "hej@moment.test";

    public SmtpApp(DatabaseProvider provider)
        : base(provider)
    {
        SmtpPort = FreePort();
        Settings["Email:Listener:Port"] = SmtpPort.ToString(CultureInfo.InvariantCulture);
        Settings["Email:Mailboxes:0:Address"] = Mailbox;
        Settings["Email:Mailboxes:0:Team"] = "Phone";
        // These tests follow the owner's replies one by one; the acknowledgement of a new case is tested on the second mailbox.
        Settings["Email:Mailboxes:0:Acknowledge"] = "false";
        Settings["Email:Mailboxes:1:Address"] = AcknowledgingMailbox;
        Settings["Email:Mailboxes:1:Team"] = "Phone";
        Settings["Email:AttachmentFolder"] = Path.Combine(Path.GetTempPath(), "moment-attachments-" + Guid.NewGuid().ToString("N"));
        Settings["Email:Outbound:Host"] = "127.0.0.1";
        Settings["Email:Outbound:Port"] = Outbox.Port.ToString(CultureInfo.InvariantCulture);
        Settings["Email:Outbound:Security"] = "None";
        Settings["Email:MaxMessageBytes"] = MaxMessageBytes.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Small, so that a test sends a message over it without 25 MB on loopback.</summary>
    public const int MaxMessageBytes = 1_000_000;

    public int SmtpPort { get; }

    public CollectingSmtpServer Outbox { get; } = new(FreePort());

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

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class SqliteSmtpApp() : SmtpApp(DatabaseProvider.Sqlite);

public sealed class PostgresSmtpApp() : SmtpApp(DatabaseProvider.Postgres);

public sealed class EmailOverSmtpTestsOnSqlite(SqliteSmtpApp app) : EmailOverSmtpTests(app), IClassFixture<SqliteSmtpApp>;

public sealed class EmailOverSmtpTestsOnPostgres(PostgresSmtpApp app) : EmailOverSmtpTests(app), IClassFixture<PostgresSmtpApp>;
