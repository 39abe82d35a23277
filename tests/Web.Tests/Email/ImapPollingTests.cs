using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Moment.Application.Data;
using Moment.Application.Email;
using Moment.Domain.Cases;
using Moment.TestSupport;
using Moment.Web.Features.Email;

namespace Moment.Web.Tests.Email;

/// <summary>
/// IMAP polling against a real Dovecot on loopback: every message in the inbox is taken in and moved to the done folder;
/// a message stored before a crash is moved and not stored again; one that fails half-way stays for the next round; and
/// of two instances polling at once only one holds the mailbox, so each message is stored once.
/// </summary>
public abstract class ImapPollingTests(ImapApp app) : IAsyncLifetime
{
    private const string Mailbox = ImapApp.Mailbox;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        app.Store.FailNext = false;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Poll_NewMessagesAndAReply_OpenCasesAndAreMovedToTheDoneFolder()
    {
        var first = Mail("Alma Nyström", "alma.nystrom@example.se", "Bredbandet är segt", "Sedan i går går det långsamt.");
        var reply = Mail("Alma Nyström", "alma.nystrom@example.se", "Re: Bredbandet är segt", "Nu är det helt nere.");
        reply.InReplyTo = first.MessageId;
        var other = Mail("Bo Ek", "bo.ek@example.se", "Faktura", "Var är min faktura?");
        var done = await app.Imap.CountAsync(Mailbox, "Moment");
        foreach (var message in new[] { first, reply, other })
            await app.Imap.AppendAsync(Mailbox, message);

        var round = await PollAsync("instance-a");

        Assert.Equal(new ImapRound(true, 3, 0, null), round);
        Assert.Equal((0, done + 3), (await app.Imap.CountAsync(Mailbox, "INBOX"), await app.Imap.CountAsync(Mailbox, "Moment")));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var conversation = await db.Conversations.SingleAsync(c => c.ExternalId == $"<{first.MessageId}>", Ct);
        Assert.Equal(["Sedan i går går det långsamt.", "Nu är det helt nere."],
            await db.ConversationMessages.Where(m => m.ConversationId == conversation.Id && m.Direction == ContactDirection.Inbound)
                .OrderBy(m => m.Id).Select(m => m.Text).ToListAsync(Ct));
        // The new case is acknowledged in its thread, once: the reply on it is not.
        Assert.Null(Assert.Single(await db.ConversationMessages.Where(m => m.ConversationId == conversation.Id && m.Direction == ContactDirection.Outbound).ToListAsync(Ct)).AuthorId);
        Assert.Equal(1, await StoredAsync(other));
        Assert.Null((await db.MailboxClaims.SingleAsync(c => c.Mailbox == Mailbox, Ct)).Holder);
    }

    [Fact]
    public async Task Poll_AMessageStoredBeforeACrashButNotMoved_IsMovedAndNotStoredAgain()
    {
        var mail = Mail("Cilla Berg", "cilla.berg@example.se", "Kortet spärrat", "Mitt kort fungerar inte.");
        await app.Imap.AppendAsync(Mailbox, mail);
        // The instance stored it and stopped before moving it.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var bytes = new MemoryStream();
            await mail.WriteToAsync(bytes, Ct);
            var first = await scope.ServiceProvider.GetRequiredService<ReceiveEmail>().HandleAsync(new ReceiveEmailRequest(Mailbox, bytes.ToArray()), Ct);
            Assert.Equal(EmailOutcome.NewCase, first.Outcome);
        }

        var round = await PollAsync("instance-b");

        Assert.Equal((true, 1, (string?)null), (round.Held, round.Taken, round.Error));
        Assert.Equal(0, await app.Imap.CountAsync(Mailbox, "INBOX"));
        Assert.Equal(1, await StoredAsync(mail));
    }

    [Fact]
    public async Task Poll_AFailureHalfWayThroughAMessage_StoresNothingAndLeavesItForTheNextRound()
    {
        var builder = new BodyBuilder { TextBody = "Kvittot bifogas." };
        builder.Attachments.Add("kvitto.pdf", "%PDF-1.4 kvitto"u8.ToArray(), new ContentType("application", "pdf"));
        var mail = Mail("Dan Ek", "dan.ek@example.se", "Kvitto", "");
        mail.Body = builder.ToMessageBody();
        await app.Imap.AppendAsync(Mailbox, mail);
        app.Store.FailNext = true;

        var failed = await PollAsync("instance-c");

        Assert.Equal((true, 0), (failed.Held, failed.Taken));
        Assert.NotNull(failed.Error);
        Assert.Equal(1, await app.Imap.CountAsync(Mailbox, "INBOX"));
        Assert.Equal(0, await StoredAsync(mail));
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.NotNull((await scope.ServiceProvider.GetRequiredService<AppDbContext>().MailboxClaims.SingleAsync(c => c.Mailbox == Mailbox, Ct)).LastError);

        var again = await PollAsync("instance-c");

        Assert.Equal(new ImapRound(true, 1, 0, null), again);
        Assert.Equal(0, await app.Imap.CountAsync(Mailbox, "INBOX"));
        Assert.Equal(1, await StoredAsync(mail));
    }

    [Fact]
    public async Task Poll_TwoInstancesAtOnce_StoreEachMessageOnce()
    {
        var mails = Enumerable.Range(1, 12).Select(i => Mail($"Kund {i}", $"kund{i}@example.se", $"Fråga {i}", $"Fråga nummer {i}.")).ToList();
        foreach (var mail in mails)
            await app.Imap.AppendAsync(Mailbox, mail);

        var rounds = await Task.WhenAll(PollAsync("instance-d"), PollAsync("instance-e"));

        Assert.Equal(mails.Count, rounds.Sum(r => r.Taken));
        Assert.Equal(0, await app.Imap.CountAsync(Mailbox, "INBOX"));
        foreach (var mail in mails)
            Assert.Equal(1, await StoredAsync(mail));
    }

    [Fact]
    public async Task Claim_HeldByOneInstance_IsRefusedToAnotherUntilItsLeaseRunsOut()
    {
        const string other = "other@moment.test";
        await using var scope = app.Services.CreateAsyncScope();
        var claims = scope.ServiceProvider.GetRequiredService<MailboxClaims>();

        Assert.True(await claims.TryHoldAsync(other, "first", TimeSpan.FromMinutes(2), Ct));
        Assert.False(await claims.TryHoldAsync(other, "second", TimeSpan.FromMinutes(2), Ct));
        Assert.True(await claims.TryHoldAsync(other, "first", TimeSpan.FromMinutes(2), Ct));
        app.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await claims.TryHoldAsync(other, "second", TimeSpan.FromMinutes(2), Ct));
        Assert.False(await claims.TryHoldAsync(other, "first", TimeSpan.FromMinutes(2), Ct));
        await claims.ReleaseAsync(other, "second", null, Ct);
        Assert.True(await claims.TryHoldAsync(other, "first", TimeSpan.FromMinutes(2), Ct));
        await claims.ReleaseAsync(other, "first", null, Ct);
    }

    private Task<ImapRound> PollAsync(string holder) =>
        app.Services.GetRequiredService<PollImapMailbox>().HandleAsync(app.Services.GetRequiredService<EmailSettings>().MailboxOf(Mailbox)!, holder, Ct);

    private async Task<int> StoredAsync(MimeMessage mail)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.ConversationMessages.CountAsync(m => m.ExternalId == $"<{mail.MessageId}>" && m.Direction == ContactDirection.Inbound, Ct);
    }

    private static MimeMessage Mail(string name, string address, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Guid.NewGuid():N}@example.se", Body = new TextPart("plain") { Text = text } };
        message.From.Add(new MailboxAddress(name, address));
        message.To.Add(MailboxAddress.Parse(Mailbox));
        return message;
    }
}

/// <summary>An app whose mailbox for the Phone team is polled (by the test, round by round) from a Dovecot of its own.</summary>
public class ImapApp(DatabaseProvider provider) : MomentApp(provider)
{
    public const string Mailbox = "kundservice@moment.test";

    private DovecotServer? _imap;

    public DovecotServer Imap => _imap ?? throw new InvalidOperationException("Dovecot is not started.");

    /// <summary>The attachment store, made to fail on demand as a crash half-way through a message would.</summary>
    public FailingAttachmentStore Store { get; } = new();

    public override async ValueTask InitializeAsync()
    {
        _imap = await DovecotServer.StartAsync(Mailbox);
        Settings["Email:Mailboxes:0:Address"] = Mailbox;
        Settings["Email:Mailboxes:0:Team"] = "Phone";
        Settings["Email:Mailboxes:0:Imap:Host"] = "127.0.0.1";
        Settings["Email:Mailboxes:0:Imap:Port"] = _imap.Port.ToString(CultureInfo.InvariantCulture);
        Settings["Email:Mailboxes:0:Imap:Security"] = "None";
        Settings["Email:Mailboxes:0:Imap:UserName"] = DovecotServer.LoginOf(Mailbox);
        Settings["Email:Mailboxes:0:Imap:Password"] = DovecotServer.Password;
        Settings["Email:AttachmentFolder"] = Store.Folder;
        // The test runs each round itself: the app's own poller must not run one when a test moves the clock on.
        Settings["Email:ImapPollInterval"] = "1.00:00:00";
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IAttachmentStore>(Store));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_imap is not null)
            await _imap.DisposeAsync();
    }
}

/// <summary>The folder store, which throws on the next save when told to.</summary>
public sealed class FailingAttachmentStore : IAttachmentStore
{
    private readonly FolderAttachmentStore _store;

    public FailingAttachmentStore() => _store = new FolderAttachmentStore(new EmailSettings { AttachmentFolder = Folder });

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "moment-attachments-" + Guid.NewGuid().ToString("N"));

    public bool FailNext { get; set; }

    public Task<StoredFile> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        if (FailNext)
        {
            FailNext = false;
            throw new IOException("The disk went away half-way through the message.");
        }

        return _store.SaveAsync(content, cancellationToken);
    }

    public Stream? Open(string key) => _store.Open(key);
}

public sealed class SqliteImapApp() : ImapApp(DatabaseProvider.Sqlite);

public sealed class PostgresImapApp() : ImapApp(DatabaseProvider.Postgres);

public sealed class ImapPollingTestsOnSqlite(SqliteImapApp app) : ImapPollingTests(app), IClassFixture<SqliteImapApp>;

public sealed class ImapPollingTestsOnPostgres(PostgresImapApp app) : ImapPollingTests(app), IClassFixture<PostgresImapApp>;
