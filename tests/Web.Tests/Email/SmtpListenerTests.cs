using System.Net;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Moment.Application.Data;
using Moment.Domain.Cases;
using Moment.TestSupport;
using Moment.Web.Features.Email;

namespace Moment.Web.Tests.Email;

/// <summary>
/// Moment's own SMTP listener in a started app, fed by a real SMTP client (MailKit) over loopback: a customer's email
/// opens a case, their reply lands on the same case, and mail for anyone else is refused at the recipient.
/// </summary>
public abstract class SmtpListenerTests(SmtpApp app) : IAsyncLifetime
{
    private const string Mailbox = "kundservice@moment.test";

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

    [Fact]
    public async Task Smtp_MailForAnAddressThatIsNoMailbox_IsRefusedAtTheRecipient()
    {
        var mail = Mail("Vilse", "vilse@example.se", "Hej", "Fel adress.");
        mail.To.Clear();
        mail.To.Add(MailboxAddress.Parse("nobody@moment.test"));

        var refusal = await Assert.ThrowsAsync<SmtpCommandException>(() => SendAsync(mail));

        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, refusal.ErrorCode);
    }

    private async Task SendAsync(MimeMessage message)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", app.SmtpPort, MailKit.Security.SecureSocketOptions.None, Ct);
        await client.SendAsync(message, Ct);
        await client.DisconnectAsync(true, Ct);
    }

    private static MimeMessage Mail(string name, string address, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Guid.NewGuid():N}@example.se", Body = new TextPart("plain") { Text = text } };
        message.From.Add(new MailboxAddress(name, address));
        message.To.Add(MailboxAddress.Parse(Mailbox));
        return message;
    }
}

/// <summary>An app with the SMTP listener on a free loopback port and a mailbox for the Phone team.</summary>
public class SmtpApp : MomentApp
{
    public SmtpApp(DatabaseProvider provider)
        : base(provider)
    {
        SmtpPort = FreePort();
        Settings["Email:Listener:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Email:Mailboxes:0:Address"] = Mailbox;
        Settings["Email:Mailboxes:0:Team"] = "Phone";
        Settings["Email:AttachmentFolder"] = Path.Combine(Path.GetTempPath(), "moment-attachments-" + Guid.NewGuid().ToString("N"));
    }

    private const string Mailbox = "kundservice@moment.test";

    public int SmtpPort { get; }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class SqliteSmtpApp() : SmtpApp(DatabaseProvider.Sqlite);

public sealed class PostgresSmtpApp() : SmtpApp(DatabaseProvider.Postgres);

public sealed class SmtpListenerTestsOnSqlite(SqliteSmtpApp app) : SmtpListenerTests(app), IClassFixture<SqliteSmtpApp>;

public sealed class SmtpListenerTestsOnPostgres(PostgresSmtpApp app) : SmtpListenerTests(app), IClassFixture<PostgresSmtpApp>;
