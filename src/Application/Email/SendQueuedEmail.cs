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
    /// <summary>Sends the message; throws <see cref="MailRefusedException"/> when the server refuses it for good (5xx).</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>The server refused the message for good (a 5xx answer): sending it again would be refused again.</summary>
public sealed class MailRefusedException(string reason) : Exception(reason);

public sealed record EmailSendRound(int Sent, int Failed, int Waiting);

/// <summary>
/// The outbox of the email door: outbound messages in email conversations that are still queued, oldest first. Each gets
/// its Message-ID saved before it is sent, so a send that is tried again (after a crash or a server that did not answer)
/// carries the same id and the customer's mail client shows it once. It goes from the mailbox the thread came to, to the
/// customer's address, with In-Reply-To and References to the thread, the case number in the subject and the customer's
/// page link; then it is marked sent, or failed with the server's words when refused for good. A server that does not
/// answer leaves it queued for the next round.
/// </summary>
/// <remarks>One sender at a time is assumed: two instances sending the same round could both send a message.</remarks>
public sealed class SendQueuedEmail(AppDbContext db, IMailTransport transport, ReportDelivery reportDelivery)
{
    private const int RoundSize = 50;
    private const int MaxReferences = 20;

    public async Task<EmailSendRound> HandleAsync(Uri publicBaseUrl, CancellationToken cancellationToken = default)
    {
        var queued = await db.ConversationMessages.AsNoTracking()
            .Where(m => m.Direction == ContactDirection.Outbound && m.Delivery == DeliveryState.Queued
                && db.Conversations.Any(c => c.Id == m.ConversationId && c.Door == Door.Email))
            .OrderBy(m => m.Id).Take(RoundSize).ToListAsync(cancellationToken);
        int sent = 0, failed = 0, waiting = 0;
        foreach (var message in queued)
        {
            var messageId = message.ExternalId ?? await AssignMessageIdAsync(message, cancellationToken);
            MimeMessage mail;
            try
            {
                mail = await ComposeAsync(message, messageId, publicBaseUrl, cancellationToken);
            }
            catch (MailRefusedException cannot)
            {
                await reportDelivery.HandleAsync(new ReportDeliveryRequest(Door.Email, messageId, DeliveryState.Failed, cannot.Message), cancellationToken);
                failed++;
                continue;
            }

            try
            {
                await transport.SendAsync(mail, cancellationToken);
            }
            catch (MailRefusedException refused)
            {
                await reportDelivery.HandleAsync(new ReportDeliveryRequest(Door.Email, messageId, DeliveryState.Failed, refused.Message), cancellationToken);
                failed++;
                continue;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Not answering is not refusing: the message stays queued and goes in a later round.
                waiting++;
                continue;
            }

            await reportDelivery.HandleAsync(new ReportDeliveryRequest(Door.Email, messageId, DeliveryState.Sent, null), cancellationToken);
            sent++;
        }

        return new EmailSendRound(sent, failed, waiting);
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
        mail.Headers.Add(HeaderId.AutoSubmitted, "no");
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
