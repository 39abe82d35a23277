using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Moment.Application.Conversations;
using Moment.Application.Data;
using Moment.Application.Email;
using Moment.Application.Staff;
using Moment.Domain.Cases;
using Moment.Domain.Conversations;

namespace Moment.Application.Tests.Email;

/// <summary>
/// The email outbox on a real database of each provider, with a transport that records what it is given: a server that
/// does not answer is tried again after each wait and a last time, then the message is not delivered with its words; a
/// refusal for good fails at once; a message held by an instance that died goes after the lease; two rounds at the same
/// moment send each message once.
/// </summary>
public abstract class SendQueuedEmailTests(OutboxHost host) : IAsyncLifetime
{
    private const string Johan = "johan.ek@moment.test";

    private static readonly Uri PublicBaseUrl = new("https://moment.test");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Send_AServerThatDoesNotAnswer_IsTriedAfterEachWaitThenNotDeliveredWithItsWords()
    {
        const string customer = "down@example.se";
        var id = await ReplyToAsync(customer, "Svar som inte kommer fram.");
        host.Transport.Fail(customer, () => new IOException("Connection refused"));

        await RoundAsync();
        Assert.Equal(1, host.Transport.TriesTo(customer));
        foreach (var (wait, tries) in OutboundSmtpSettings.DefaultRetryAfter.Select((wait, i) => (wait, i + 2)))
        {
            host.Time.Advance(wait - TimeSpan.FromSeconds(1));
            await RoundAsync();
            Assert.Equal(tries - 1, host.Transport.TriesTo(customer));
            Assert.Equal(DeliveryState.Queued, (await MessageAsync(id)).Delivery);
            host.Time.Advance(TimeSpan.FromSeconds(1));
            await RoundAsync();
            Assert.Equal(tries, host.Transport.TriesTo(customer));
        }

        var failed = await MessageAsync(id);
        Assert.Equal((DeliveryState.Failed, 6, "Connection refused (tried 6 times)"), (failed.Delivery, failed.Attempts, failed.Failure));
        Assert.Null(failed.SendingBy);
        host.Time.Advance(TimeSpan.FromDays(1));
        await RoundAsync();
        Assert.Equal(6, host.Transport.TriesTo(customer));
        Assert.Empty(host.Transport.SentTo(customer));
    }

    [Fact]
    public async Task Send_TryLaterFromTheServer_IsSentOnTheNextTryWithTheSameMessageId()
    {
        const string customer = "busy@example.se";
        var id = await ReplyToAsync(customer, "Svar till en upptagen server.");
        host.Transport.Fail(customer, () => new MailDeferredException("451 4.3.0 Try again later"));

        var first = await RoundAsync();
        var waiting = await MessageAsync(id);
        host.Transport.Heal(customer);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await RoundAsync();

        Assert.True(first.Waiting >= 1);
        Assert.Equal((DeliveryState.Queued, 1, host.Time.GetUtcNow()), (waiting.Delivery, waiting.Attempts, waiting.NextAttemptAt));
        var sent = Assert.Single(host.Transport.SentTo(customer));
        var stored = await MessageAsync(id);
        Assert.Equal((DeliveryState.Sent, waiting.ExternalId, $"<{sent.MessageId}>"), (stored.Delivery, stored.ExternalId, stored.ExternalId));
        Assert.Equal(2, host.Transport.TriesTo(customer));
    }

    [Fact]
    public async Task Send_RefusedForGood_FailsAtOnceAndIsNeverTriedAgain()
    {
        const string customer = "nobody@example.se";
        var id = await ReplyToAsync(customer, "Svar till en adress som inte finns.");
        host.Transport.Fail(customer, () => new MailRefusedException("550 5.1.1 No such user"));

        await RoundAsync();
        host.Time.Advance(TimeSpan.FromHours(6));
        await RoundAsync();

        var failed = await MessageAsync(id);
        Assert.Equal((DeliveryState.Failed, "550 5.1.1 No such user", 0), (failed.Delivery, failed.Failure, failed.Attempts));
        Assert.Equal(1, host.Transport.TriesTo(customer));
    }

    [Fact]
    public async Task Send_AMessageHeldByAnInstanceThatDied_IsSentOnceTheLeaseHasRunOut()
    {
        const string customer = "crash@example.se";
        var id = await ReplyToAsync(customer, "Svar mitt i en krasch.");
        await using (var scope = host.Scope())
        {
            // What an instance leaves behind when it dies between claiming a message and sending it.
            var until = host.Time.GetUtcNow() + SendQueuedEmail.Lease;
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages.Where(m => m.Id == id)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.SendingBy, "dead-instance").SetProperty(m => m.SendingUntil, until), Ct);
        }

        await RoundAsync();
        host.Time.Advance(SendQueuedEmail.Lease - TimeSpan.FromSeconds(1));
        await RoundAsync();
        Assert.Equal(0, host.Transport.TriesTo(customer));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await RoundAsync();
        await RoundAsync();

        Assert.Single(host.Transport.SentTo(customer));
        var sent = await MessageAsync(id);
        Assert.Equal((DeliveryState.Sent, (string?)null), (sent.Delivery, sent.SendingBy));
    }

    [Fact]
    public async Task Send_TwoRoundsAtTheSameMoment_SendEachMessageOnce()
    {
        const string customer = "twice@example.se";
        var conversationId = await OpenAsync(customer);
        var ids = new List<long>();
        for (var i = 0; i < 12; i++)
            ids.Add(await ReplyAsync(conversationId, $"Svar nummer {i}."));
        await using var one = host.Scope();
        await using var other = host.Scope();
        using var start = new SemaphoreSlim(0);
        var first = Task.Run(() => RoundWhenToldAsync(one, start), Ct);
        var second = Task.Run(() => RoundWhenToldAsync(other, start), Ct);

        start.Release(2);
        var rounds = await Task.WhenAll(first, second);

        var sent = host.Transport.SentTo(customer);
        Assert.Equal(12, sent.Count);
        Assert.Equal(12, sent.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(12, host.Transport.TriesTo(customer));
        Assert.True(rounds[0].Sent > 0 || rounds[1].Sent > 0);
        await using var scope = host.Scope();
        Assert.All(await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages.Where(m => ids.Contains(m.Id)).ToListAsync(Ct),
            m => Assert.Equal(DeliveryState.Sent, m.Delivery));
    }

    [Fact]
    public void Settings_ByDefault_WaitOneFiveAndFifteenMinutesOneAndFourHours() =>
        Assert.Equal(
            [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4)],
            new OutboundSmtpSettings().RetrySchedule);

    private Task<EmailSendRound> RoundAsync() => host.RoundAsync(PublicBaseUrl);

    private static async Task<EmailSendRound> RoundWhenToldAsync(AsyncServiceScope scope, SemaphoreSlim start)
    {
        await start.WaitAsync(Ct);
        return await scope.ServiceProvider.GetRequiredService<SendQueuedEmail>().HandleAsync(PublicBaseUrl, Ct);
    }

    private async Task<ConversationMessage> MessageAsync(long id)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConversationMessages.AsNoTracking().SingleAsync(m => m.Id == id, Ct);
    }

    /// <summary>The customer writes (to the mailbox that does not acknowledge) and the owner answers: the outbound message's id.</summary>
    private async Task<long> ReplyToAsync(string customer, string text) => await ReplyAsync(await OpenAsync(customer), text);

    private async Task<Guid> OpenAsync(string customer)
    {
        var mail = new MimeMessage { Subject = "Fråga", MessageId = $"{Guid.NewGuid():N}@example.se", Body = new TextPart("plain") { Text = "Hej, en fråga." } };
        mail.From.Add(MailboxAddress.Parse(customer));
        mail.To.Add(MailboxAddress.Parse(OutboxHost.QuietMailbox));
        var received = await host.ReceiveAsync(mail);
        Assert.Equal(EmailOutcome.NewCase, received.Outcome);
        return received.ConversationId!.Value;
    }

    private async Task<long> ReplyAsync(Guid conversationId, string text)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var johan = Actor.Of((await scope.ServiceProvider.GetRequiredService<StaffCards>().FindAsync(
            await db.Users.Where(u => u.Email == Johan).Select(u => u.Id).FirstAsync(Ct), Ct))!);
        var written = await scope.ServiceProvider.GetRequiredService<WriteMessage>()
            .HandleAsync(conversationId, new WriteMessageRequest(ContactDirection.Outbound, text, null), johan, Ct);
        return written.Id;
    }
}

/// <summary>
/// An application host with two mailboxes of the Phone team, one that acknowledges new cases (as mailboxes do by default)
/// and one that does not, an outbound server, and a transport that records what it is given.
/// </summary>
public class OutboxHost(DatabaseProvider provider) : ApplicationHost(provider)
{
    public const string AcknowledgingMailbox = "hej@moment.test";
    public const string QuietMailbox = "tyst@moment.test";
    public const int MaxPerMinute = 3;

    public RecordingTransport Transport { get; } = new();

    protected override void AddServices(IServiceCollection services)
    {
        services.AddSingleton(new EmailSettings
        {
            Mailboxes =
            [
                new MailboxSettings { Address = AcknowledgingMailbox, Team = "Phone" },
                new MailboxSettings { Address = QuietMailbox, Team = "Phone", Acknowledge = false },
            ],
            AttachmentFolder = Path.Combine(Path.GetTempPath(), "moment-attachments-" + Guid.NewGuid().ToString("N")),
            MaxMessagesPerSenderPerMinute = MaxPerMinute,
            Outbound = new OutboundSmtpSettings { Host = "smtp.moment.test" },
        });
        services.AddSingleton<IMailTransport>(Transport);
    }

    public async Task<EmailReceived> ReceiveAsync(MimeMessage message)
    {
        using var content = new MemoryStream();
        await message.WriteToAsync(content, TestContext.Current.CancellationToken);
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<ReceiveEmail>()
            .HandleAsync(new ReceiveEmailRequest(null, content.ToArray()), TestContext.Current.CancellationToken);
    }

    public async Task<EmailSendRound> RoundAsync(Uri publicBaseUrl)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<SendQueuedEmail>().HandleAsync(publicBaseUrl, TestContext.Current.CancellationToken);
    }
}

/// <summary>
/// Keeps what it is asked to send, or fails as told for an address. Each send takes a moment, as a real one does, so that
/// two rounds at the same time overlap.
/// </summary>
public sealed class RecordingTransport : IMailTransport
{
    private readonly ConcurrentQueue<MimeMessage> _sent = new();
    private readonly ConcurrentQueue<string> _tries = new();
    private readonly ConcurrentDictionary<string, Func<Exception>> _failing = new(StringComparer.OrdinalIgnoreCase);

    public void Fail(string address, Func<Exception> how) => _failing[address] = how;

    public void Heal(string address) => _failing.TryRemove(address, out _);

    public IReadOnlyList<MimeMessage> SentTo(string address) =>
        [.. _sent.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))];

    public int TriesTo(string address) => _tries.Count(a => string.Equals(a, address, StringComparison.OrdinalIgnoreCase));

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(15), cancellationToken);
        foreach (var to in message.To.Mailboxes)
        {
            _tries.Enqueue(to.Address);
            if (_failing.TryGetValue(to.Address, out var how))
                throw how();
        }

        _sent.Enqueue(message);
    }
}

public sealed class SqliteOutboxHost() : OutboxHost(DatabaseProvider.Sqlite);

public sealed class PostgresOutboxHost() : OutboxHost(DatabaseProvider.Postgres);

public sealed class SendQueuedEmailTestsOnSqlite(SqliteOutboxHost host) : SendQueuedEmailTests(host), IClassFixture<SqliteOutboxHost>;

public sealed class SendQueuedEmailTestsOnPostgres(PostgresOutboxHost host) : SendQueuedEmailTests(host), IClassFixture<PostgresOutboxHost>;
