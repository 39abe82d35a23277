using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Moment.Application.Data;

namespace Moment.Application.Email;

public enum TooLargeAnswer
{
    /// <summary>The sender was told, politely, how to send it instead.</summary>
    Answered,

    /// <summary>This Message-ID was answered before: a repeat delivery gets no second answer.</summary>
    AnsweredBefore,

    /// <summary>Not answered: noise (an auto-reply or a bounce), a sender of Moment's own, no sender, or no outbound server.</summary>
    NotAnswered,
}

/// <summary>
/// A message over <see cref="EmailSettings.MaxMessageBytes"/> is not taken in, but its sender is not left with a bounce
/// they cannot read: they get a short answer (Swedish and English, as their language is not known yet) that says how big
/// a message may be and how to send the files instead. Only the headers are read. The answer is marked
/// <c>Auto-Submitted: auto-replied</c> (RFC 3834) and goes only to a person's message, never to noise or to a mailbox of
/// Moment's own, so two machines never answer each other. It is sent at once, not through the outbox: there is no case
/// and no conversation to keep it in; a send that fails throws, and the door keeps the message to try again (the listener
/// answers 451, IMAP leaves it in the folder). The Message-ID's receipt, written after sending, keeps it to one answer.
/// </summary>
public sealed class AnswerTooLargeEmail(AppDbContext db, EmailSettings settings, IMailTransport transport, TimeProvider time)
{
    public async Task<TooLargeAnswer> HandleAsync(string mailbox, HeaderList headers, long size, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(settings.Outbound.Host) || MailReading.IsNoise(headers))
            return TooLargeAnswer.NotAnswered;
        var from = InternetAddressList.TryParse(headers[HeaderId.ReplyTo] ?? headers[HeaderId.From] ?? "", out var addresses)
            ? addresses.Mailboxes.FirstOrDefault()
            : null;
        if (from is null || settings.MailboxOf(from.Address) is not null)
            return TooLargeAnswer.NotAnswered;
        var key = mailbox.Trim().ToLowerInvariant();
        var messageId = headers[HeaderId.MessageId] is { Length: > 0 } id
            ? MailReading.Bracketed(id.Trim())
            : $"<{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(headers.ToString() ?? "")))}@no-message-id.moment>";
        if (messageId.Length > EmailReceipt.MessageIdMaxLength)
            return TooLargeAnswer.NotAnswered;
        if (await db.EmailReceipts.AnyAsync(r => r.Mailbox == key && r.MessageId == messageId, cancellationToken))
            return TooLargeAnswer.AnsweredBefore;

        try
        {
            await transport.SendAsync(Answer(mailbox, from, headers[HeaderId.Subject], messageId, size), cancellationToken);
        }
        catch (MailRefusedException)
        {
            // The sender's address is refused for good: there is nobody to answer, and asking again changes nothing.
        }

        db.EmailReceipts.Add(new EmailReceipt { Mailbox = key, MessageId = messageId, ReceivedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return TooLargeAnswer.Answered;
    }

    private MimeMessage Answer(string mailbox, MailboxAddress to, string? subject, string messageId, long size)
    {
        var limit = (settings.MaxMessageBytes / 1048576.0).ToString("0.#", CultureInfo.InvariantCulture);
        var was = (size / 1048576.0).ToString("0.#", CultureInfo.InvariantCulture);
        var answer = new MimeMessage { Subject = $"Re: {(subject is { Length: > 0 } s ? s.Trim() : "(no subject)")}" };
        answer.From.Add(MailboxAddress.Parse(mailbox));
        answer.To.Add(to);
        answer.InReplyTo = messageId.Trim('<', '>');
        answer.References.Add(messageId.Trim('<', '>'));
        answer.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        answer.Body = new TextPart("plain")
        {
            Text = $"""
                Hej!

                Tack för ditt meddelande. Det var för stort för oss att ta emot ({was.Replace('.', ',')} MB; högst {limit.Replace('.', ',')} MB), så vi har inte fått det.
                Skicka det gärna igen utan de största bilagorna: dela dem i flera meddelanden, gör bilderna mindre, eller skicka en länk
                till filerna (till exempel OneDrive, Google Drive eller Dropbox). Du kan också svara på det här meddelandet med bara texten.

                Hello,

                Thank you for your message. It was too large for us to receive ({was} MB; at most {limit} MB), so we have not got it.
                Please send it again without the largest attachments: split them over several messages, make the pictures smaller, or send
                a link to the files (OneDrive, Google Drive or Dropbox, for example). You can also answer this message with the text alone.
                """,
        };
        return answer;
    }
}
