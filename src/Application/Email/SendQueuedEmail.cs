using Microsoft.EntityFrameworkCore;
using MimeKit;
using Moment.Application.Conversations;
using Moment.Application.Data;
using Moment.Domain.Cases;
using Moment.Domain.Conversations;

namespace Moment.Application.Email;

/// <summary>The SMTP server replies leave through (MailKit in the web host): a seam, so that the rules here need no network.</summary>
public interface IMailTransport
{
    /// <summary>
    /// Sends the message; throws <see cref="MailRefusedException"/> when the server refuses it for good (5xx), and anything
    /// else (<see cref="MailDeferredException"/> for a 4xx, a connection refused) when it may take it later.
    /// </summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>The server refused the message for good (a 5xx answer): sending it again would be refused again.</summary>
public sealed class MailRefusedException(string reason) : Exception(reason);

/// <summary>The server asked to be tried later (a 4xx answer): the outbox tries again after a wait.</summary>
public sealed class MailDeferredException(string reason, Exception? inner = null) : Exception(reason, inner);

public sealed record EmailSendRound(int Sent, int Failed, int Waiting);

/// <summary>
/// The outbox of the email door: outbound messages in email conversations that are still queued and due, oldest first.
/// Each is first claimed for this round (one conditional update, as <see cref="MailboxClaims"/> does it), so two instances
/// sending at the same moment never send the same message; an instance that dies mid-send holds it no longer than
/// <see cref="Lease"/>. It gets its Message-ID saved before it is sent, so a send that is tried again (after a crash or a
/// server that did not answer) carries the same id and the customer's mail client shows it once. It goes from the mailbox
/// the thread came to, to the customer's address, with In-Reply-To and References to the thread, the case number in the
/// subject and the customer's page link; then it is marked sent, or failed with the server's words when refused for good
/// (5xx). A server that does not answer, or answers 4xx, has it tried again after the waits of
/// <see cref="OutboundSmtpSettings.RetrySchedule"/>; when the last try fails too, it is not delivered, with the server's words.
/// </summary>
public sealed class SendQueuedEmail(AppDbContext db, IMailTransport transport, ReportDelivery reportDelivery, EmailSettings settings, TimeProvider time)
{
    /// <summary>Long enough for one SMTP send (MailKit gives up on a silent server after two minutes), short enough to take over soon.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private const int RoundSize = 50;
    private const int MaxReferences = 20;

    // One per round: a claim names the round that holds it, so a round never mistakes another's claim for its own.
    private readonly string _sender = $"{Guid.NewGuid():N}/{Environment.MachineName}" is var name && name.Length > ConversationMessage.SenderMaxLength
        ? name[..ConversationMessage.SenderMaxLength]
        : name;

    public async Task<EmailSendRound> HandleAsync(Uri publicBaseUrl, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var due = await Due(now).OrderBy(m => m.Id).Select(m => m.Id).Take(RoundSize).ToListAsync(cancellationToken);
        int sent = 0, failed = 0, waiting = 0;
        foreach (var id in due)
        {
            if (!await ClaimAsync(id, cancellationToken))
                continue;
            var message = await db.ConversationMessages.AsNoTracking().FirstAsync(m => m.Id == id, cancellationToken);
            var messageId = message.ExternalId ?? await AssignMessageIdAsync(message, cancellationToken);
            try
            {
                var mail = await ComposeAsync(message, messageId, publicBaseUrl, cancellationToken);
                await transport.SendAsync(mail, cancellationToken);
            }
            catch (MailRefusedException refused)
            {
                await FailAsync(id, messageId, refused.Message, cancellationToken);
                failed++;
                continue;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Not answering (or "try later") is not refusing: the message is tried again after a wait, up to the last try.
                if (await TryLaterAsync(message, messageId, error.Message, cancellationToken))
                    waiting++;
                else
                    failed++;
                continue;
            }

            await reportDelivery.HandleAsync(new ReportDeliveryRequest(Door.Email, messageId, DeliveryState.Sent, null), cancellationToken);
            await ReleaseAsync(id, cancellationToken);
            sent++;
        }

        return new EmailSendRound(sent, failed, waiting);
    }

    /// <summary>Queued outbound email that may be tried now and that no live round holds.</summary>
    private IQueryable<ConversationMessage> Due(DateTimeOffset now) => db.ConversationMessages.Where(m =>
        m.Direction == ContactDirection.Outbound && m.Delivery == DeliveryState.Queued
        && (m.NextAttemptAt == null || m.NextAttemptAt <= now)
        && (m.SendingBy == null || m.SendingUntil == null || m.SendingUntil <= now)
        && db.Conversations.Any(c => c.Id == m.ConversationId && c.Door == Door.Email));

    /// <summary>
    /// Takes the message for this round. One conditional update decides it: it changes the row only while the message is
    /// still due and nobody else holds it, so of two rounds asking at the same moment exactly one gets it, on PostgreSQL
    /// and on SQLite alike.
    /// </summary>
    private async Task<bool> ClaimAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + Lease;
        var claimed = await Due(now).Where(m => m.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.SendingBy, _sender).SetProperty(m => m.SendingUntil, until), cancellationToken);
        return claimed == 1;
    }

    private Task ReleaseAsync(long id, CancellationToken cancellationToken) =>
        db.ConversationMessages.Where(m => m.Id == id && m.SendingBy == _sender)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.SendingBy, (string?)null).SetProperty(m => m.SendingUntil, (DateTimeOffset?)null), cancellationToken);

    private async Task FailAsync(long id, string messageId, string reason, CancellationToken cancellationToken)
    {
        await reportDelivery.HandleAsync(new ReportDeliveryRequest(Door.Email, messageId, DeliveryState.Failed, reason), cancellationToken);
        await ReleaseAsync(id, cancellationToken);
    }

    /// <summary>
    /// Counts the try and sets the next after its wait; true. After the last try: not delivered, with the server's words; false.
    /// </summary>
    private async Task<bool> TryLaterAsync(ConversationMessage message, string messageId, string reason, CancellationToken cancellationToken)
    {
        var schedule = settings.Outbound.RetrySchedule;
        var attempts = message.Attempts + 1;
        if (attempts > schedule.Count)
        {
            await db.ConversationMessages.Where(m => m.Id == message.Id && m.SendingBy == _sender)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.Attempts, attempts), cancellationToken);
            await FailAsync(message.Id, messageId, $"{reason} (tried {attempts} times)", cancellationToken);
            return false;
        }

        var next = time.GetUtcNow() + schedule[attempts - 1];
        await db.ConversationMessages.Where(m => m.Id == message.Id && m.SendingBy == _sender)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.SendingBy, (string?)null).SetProperty(m => m.SendingUntil, (DateTimeOffset?)null), cancellationToken);
        return true;
    }

    private async Task<string> AssignMessageIdAsync(ConversationMessage message, CancellationToken cancellationToken)
    {
        var mailbox = await MailboxOfAsync(message.ConversationId, cancellationToken);
        var domain = mailbox?.Split('@') is [_, { Length: > 0 } host] ? host : "moment.invalid";
        var id = $"<{Guid.NewGuid():N}@{domain}>";
        // Only the first to give the message an id wins; a concurrent round reads that one again.
        await db.ConversationMessages.Where(m => m.Id == message.Id && m.ExternalId == null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ExternalId, id), cancellationToken);
        return await db.ConversationMessages.Where(m => m.Id == message.Id).Select(m => m.ExternalId!).FirstAsync(cancellationToken);
    }

    private async Task<MimeMessage> ComposeAsync(ConversationMessage message, string messageId, Uri publicBaseUrl, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().FirstAsync(c => c.Id == message.ConversationId, cancellationToken);
        var @case = await db.Cases.AsNoTracking().Where(c => c.Id == conversation.CaseId)
            .Select(c => new { c.Number, c.Subject, c.CustomerToken }).FirstAsync(cancellationToken);
        var from = await MailboxOfAsync(conversation.Id, cancellationToken)
            ?? throw new MailRefusedException("The conversation came to no mailbox of Moment's to answer from.");
        var to = await db.Customers.Where(c => c.Id == conversation.CustomerId).SelectMany(c => c.EmailAddresses).Select(e => e.Address)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new MailRefusedException("The customer has no email address.");
        var earlier = await db.ConversationMessages.AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id && m.Id < message.Id && m.ExternalId != null)
            .OrderByDescending(m => m.Id).Select(m => new { m.ExternalId, m.Direction }).Take(MaxReferences).ToListAsync(cancellationToken);

        var mail = new MimeMessage { MessageId = messageId.Trim('<', '>') };
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(MailboxAddress.Parse(to));
        var subject = @case.Subject.Contains($"[{@case.Number}]", StringComparison.OrdinalIgnoreCase) ? @case.Subject : $"{@case.Subject} [{@case.Number}]";
        mail.Subject = $"Re: {subject}";
        // The customer's mail client threads by these: the message answered, and the thread from its first message.
        if ((earlier.FirstOrDefault(m => m.Direction == ContactDirection.Inbound) ?? earlier.FirstOrDefault()) is { } answered)
            mail.InReplyTo = answered.ExternalId!.Trim('<', '>');
        var references = new List<string>();
        if (conversation.ExternalId is { } root)
            references.Add(root.Trim('<', '>'));
        references.AddRange(earlier.AsEnumerable().Reverse().Select(m => m.ExternalId!.Trim('<', '>')));
        foreach (var reference in references.Distinct(StringComparer.Ordinal))
            mail.References.Add(reference);
        // Moment's own message (the acknowledgement of a new case) is automatic (RFC 3834): an auto-responder on the
        // customer's side must not answer it. A person's reply is not.
        mail.Headers.Add(HeaderId.AutoSubmitted, message.AuthorId is null ? "auto-replied" : "no");
        var link = $"{publicBaseUrl.AbsoluteUri.TrimEnd('/')}/c/{@case.CustomerToken}";
        mail.Body = new TextPart("plain") { Text = $"{message.Text}\n\n--\n{@case.Number}: {link}\n" };
        return mail;
    }

    private async Task<string?> MailboxOfAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var data = await db.Conversations.Where(c => c.Id == conversationId).Select(c => c.DoorData).FirstOrDefaultAsync(cancellationToken);
        return data is null ? null : System.Text.Json.JsonSerializer.Deserialize<EmailThreadData>(data)?.Mailbox;
    }
}
