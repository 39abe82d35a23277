using System.Text;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Moment.Application.Cases;
using Moment.Application.Conversations;
using Moment.Application.Customers;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Domain.Conversations;
using Moment.Domain.Customers;

namespace Moment.Application.Email;

/// <summary>A raw MIME message that reached <paramref name="Mailbox"/> (the envelope's recipient; null: read from To and Cc).</summary>
public sealed record ReceiveEmailRequest(string? Mailbox, ReadOnlyMemory<byte> Content);

public enum EmailOutcome
{
    /// <summary>A new case with the message as its first (opened for a known customer or a new one), offered to the mailbox's team.</summary>
    NewCase,

    /// <summary>The message joined an open case's thread.</summary>
    JoinedCase,

    /// <summary>A reply to a case resolved within the repeat window: reopened as the same problem.</summary>
    ReopenedCase,

    /// <summary>The same Message-ID again: stored once already.</summary>
    Duplicate,

    /// <summary>An auto-reply, a bounce or list mail: never a case, never a reply.</summary>
    Noise,

    /// <summary>A bounce of a message Moment sent: that message is marked not delivered, with the reason. Never a case, never a reply.</summary>
    Bounced,

    /// <summary>The sender wrote too many messages this minute; nothing opened (an SMTP sender is told to try later).</summary>
    Throttled,

    /// <summary>Over <see cref="EmailSettings.MaxMessageBytes"/>.</summary>
    TooLarge,

    /// <summary>Sent to no mailbox of Moment's.</summary>
    UnknownMailbox,
}

public sealed record EmailReceived(EmailOutcome Outcome, string? CaseNumber = null, Guid? ConversationId = null, long? MessageId = null);

/// <summary>
/// The email door's inbound pipeline: noise is dropped, a Message-ID already stored is not stored again, and a message
/// finds its case by, in order, the messages it answers (In-Reply-To, References), the case number in its subject
/// (only for the case's own customer), or else opens a new case for the customer its sender is. Files are kept in the
/// attachment store before anything is written, and the message with its files is written in one transaction.
/// </summary>
/// <remarks>
/// A new case goes to the mailbox's team for a person to take: the team's lead registers it, and so is its accountable
/// owner from the first moment (a case never exists without its one owner; an inbox has no person behind it), and offers
/// it at once to the team (<see cref="OfferHandOff"/>), so that it waits in every member's "offered to my team" and the
/// first who takes it owns it. Email has no queue of its own to enter (the queue routes calls and chats); the team's
/// offer is how the team's cases are taken. An offer nobody takes in time comes back to the lead, as any offer does.
/// The case is acknowledged to the customer (<see cref="AcknowledgeNewCase"/>) in the transaction that opens it. A
/// customer registered by their email gets the language it was written in on their record.
/// </remarks>
public sealed class ReceiveEmail(
    AppDbContext db, EmailSettings settings, IAttachmentStore store, OpenCaseFromContact openCase, StartConversation startConversation,
    RecordContact recordContact, OfferHandOff offerHandOff, CaseWork work, StaffCards staff, CasePolicy policy, AcknowledgeNewCase acknowledge,
    ReportDelivery reportDelivery, TimeProvider time)
{
    private const string NoSubject = "(no subject)";
    private const string HtmlBodyFileName = "message.sanitized.html";

    public async Task<EmailReceived> HandleAsync(ReceiveEmailRequest request, CancellationToken cancellationToken = default)
    {
        // A save that fails here ends the message's handling, and its transaction is rolled back: no savepoints needed.
        using var savepoints = Savepoints.Off(db);
        if (request.Content.Length > settings.MaxMessageBytes)
            return new EmailReceived(EmailOutcome.TooLarge);
        MimeMessage message;
        using (var stream = new MemoryStream(request.Content.ToArray(), writable: false))
            message = await MimeMessage.LoadAsync(stream, cancellationToken);

        var mailbox = settings.MailboxOf(request.Mailbox)
            ?? message.To.Concat(message.Cc).OfType<MailboxAddress>().Select(a => settings.MailboxOf(a.Address)).OfType<MailboxSettings>().FirstOrDefault();
        if (mailbox is null)
            return new EmailReceived(EmailOutcome.UnknownMailbox);
        if (MailReading.BounceOf(message) is { } bounce)
            return await BouncedAsync(bounce, cancellationToken);
        if (MailReading.IsNoise(message))
            return new EmailReceived(EmailOutcome.Noise);

        var messageId = MailReading.MessageIdOf(message, request.Content.Span);
        var sender = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        var address = sender?.Address?.Trim().ToLowerInvariant();
        var answered = MailReading.AnsweredIdsOf(message);
        var known = address is null ? null : await SenderAsync(address, messageId, answered.FirstOrDefault(), cancellationToken);
        if (known?.Stored ?? await StoredAsync(messageId, cancellationToken))
            return new EmailReceived(EmailOutcome.Duplicate);
        if (known?.WroteThisMinute >= settings.MaxMessagesPerSenderPerMinute)
            return new EmailReceived(EmailOutcome.Throttled);
        var customerId = known?.CustomerId;

        var mail = new Mail(message, messageId, TextOf(message), await KeepFilesAsync(message, cancellationToken), mailbox.Address);
        var thread = await ThreadOfAsync(message, answered, known, cancellationToken);
        if (thread is { Resolved: true } && time.GetUtcNow() - thread.ResolvedAt > policy.RepeatContactWindow)
            thread = null;
        if (thread is null)
            return await OpenCaseAsync(mail, sender, address, customerId, mailbox, cancellationToken);

        var outcome = EmailOutcome.JoinedCase;
        if (thread.Resolved)
        {
            // The customer answers about the problem that was resolved: the same problem, a repeat contact (the owner is told).
            await recordContact.HandleAsync(
                thread.CaseNumber, new RecordContactRequest(Door.Email, ContactDirection.Inbound, Cut(mail.Text, CaseEvent.TextMaxLength), true, null),
                (await MailboxTeamAsync(mailbox, cancellationToken)).Lead, cancellationToken);
            outcome = EmailOutcome.ReopenedCase;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (outcome == EmailOutcome.JoinedCase && thread.ConversationId is { } open)
            return await JoinAsync(thread, open, mail, cancellationToken);
        var (conversationId, written) = thread.ConversationId is { } continued
            ? (continued, await WriteAsync(continued, mail, cancellationToken))
            : await StartAsync(thread.CaseId, thread.CustomerId, mail, cancellationToken);
        if (written is null)
            return new EmailReceived(EmailOutcome.Duplicate);
        if (outcome == EmailOutcome.JoinedCase)
        {
            // A reply to a thread that was closed, on the open case: a new conversation, and the contact as in JoinAsync.
            var @case = await CaseOfAsync(thread, cancellationToken);
            @case.ReceiveMessage(Door.Email, Cut(mail.Text, CaseEvent.TextMaxLength), written.Value, work.Now);
            await work.SaveAsync(cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new EmailReceived(outcome, thread.CaseNumber, conversationId, written);
    }

    /// <summary>
    /// The customer wrote on their open case's open thread, most of what a mailbox receives: the message, then its receipt
    /// and the contact on the case's timeline (so that its owner is told) in the one save that commits. A case changed at
    /// the same moment refuses, nothing is stored, and the door tries again (the listener answers 451, IMAP leaves the
    /// message for the next round); the same message stored meanwhile by another delivery is a duplicate.
    /// </summary>
    private async Task<EmailReceived> JoinAsync(CaseThread thread, Guid conversationId, Mail mail, CancellationToken cancellationToken)
    {
        var message = await WriteMessageAsync(conversationId, mail, cancellationToken);
        await KeepAsync(conversationId, message.Id, mail, cancellationToken);
        var @case = await CaseOfAsync(thread, cancellationToken);
        @case.ReceiveMessage(Door.Email, Cut(mail.Text, CaseEvent.TextMaxLength), message.Id, work.Now);
        try
        {
            await work.SaveAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (IsUniqueViolation(error))
        {
            db.ChangeTracker.Clear();
            return new EmailReceived(EmailOutcome.Duplicate);
        }

        return new EmailReceived(EmailOutcome.JoinedCase, thread.CaseNumber, conversationId, message.Id);
    }

    /// <summary>
    /// The message the bounce returns is marked not delivered, so the case page shows it with the server's words, and its
    /// owner knows to reach the customer another way. A bounce of a message Moment never sent is noise like any other.
    /// </summary>
    private async Task<EmailReceived> BouncedAsync(Bounce bounce, CancellationToken cancellationToken)
    {
        try
        {
            await reportDelivery.HandleAsync(new ReportDeliveryRequest(Door.Email, bounce.MessageId, DeliveryState.Failed, bounce.Reason), cancellationToken);
            return new EmailReceived(EmailOutcome.Bounced);
        }
        catch (RefusalException)
        {
            return new EmailReceived(EmailOutcome.Noise);
        }
    }

    private sealed record Mail(MimeMessage Message, string MessageId, string Text, IReadOnlyList<(string Name, string Type, StoredFile File)> Files, string Mailbox);

    /// <summary>The case a message belongs to; <paramref name="Loaded"/>: the case itself, when it was read through <see cref="CaseWork.Loadable"/> with the thread.</summary>
    private sealed record CaseThread(Guid CaseId, string CaseNumber, Guid CustomerId, bool Resolved, DateTimeOffset? ResolvedAt, Guid? ConversationId, Case? Loaded = null);

    /// <summary>The thread's case, ready for a change: read with the thread when it was found by a reply, else now.</summary>
    private async Task<Case> CaseOfAsync(CaseThread thread, CancellationToken cancellationToken) =>
        thread.Loaded is { } loaded ? await work.ReadyAsync(loaded, cancellationToken) : await work.LoadByIdAsync(thread.CaseId, cancellationToken);

    /// <summary>
    /// What the door must know of a sender it knows: who they are, how much they wrote this last minute, whether this
    /// message is stored already, and the email conversation of the message it answers directly, when that is stored.
    /// </summary>
    private sealed record Sender(Guid CustomerId, int WroteThisMinute, bool Stored, Guid? Answered);

    /// <summary>
    /// The customer the address is (several may share one, a family's: the first registered is the one the door writes
    /// to), with the rest, in one question: most mail is a known customer's.
    /// </summary>
    /// <remarks>
    /// Of the messages a reply names, only the one it answers directly joins the question: the whole list beside the one
    /// customer needs an APPLY, which SQLite does not have. The customer and their messages are reached by joins from
    /// their indexes (<see cref="CustomerLookups"/>): SQLite runs an EXISTS once for every row of the table outside it, so
    /// asked as "a customer with this address" and "a message in one of their conversations" it read every customer and
    /// every message for each message received (the email benchmark on SQLite slowed as the tables grew).
    /// </remarks>
    private Task<Sender?> SenderAsync(string address, string messageId, string? answered, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().AddMinutes(-1);
        return db.Customers.WithEmailAddress(address)
            .OrderBy(c => c.CreatedAt)
            .Select(c => new Sender(
                c.Id,
                db.Conversations.Where(v => v.CustomerId == c.Id && v.Door == Door.Email)
                    .Join(db.ConversationMessages, v => v.Id, m => m.ConversationId, (_, m) => m)
                    .Count(m => m.Direction == ContactDirection.Inbound && m.At > since),
                // StoredAsync's test, written out: an expression passed in here EF Core runs as a query of its own (seen in
                // PostgreSQL's statement log), which is the round trip this question saves.
                db.ConversationMessages.Any(m => m.ExternalId == messageId && db.Conversations.Any(v => v.Id == m.ConversationId && v.Door == Door.Email)),
                // The thread of the message answered directly (In-Reply-To, else the nearest in References): most of what a
                // known sender writes is a reply. One message, not the list ThreadOfAsync looks through: with a list,
                // PostgreSQL judged its cached plan dearer than planning afresh, and planned this question anew every time
                // (0.5 ms a message, measured).
                db.ConversationMessages.Where(m => answered != null && m.ExternalId == answered && db.Conversations.Any(v => v.Id == m.ConversationId && v.Door == Door.Email))
                    .OrderByDescending(m => m.At).ThenByDescending(m => m.Id).Select(m => (Guid?)m.ConversationId).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether a message with this Message-ID is stored already, for a sender the door does not know.</summary>
    private Task<bool> StoredAsync(string messageId, CancellationToken cancellationToken) =>
        db.ConversationMessages.AnyAsync(
            m => m.ExternalId == messageId && db.Conversations.Any(c => c.Id == m.ConversationId && c.Door == Door.Email), cancellationToken);

    /// <summary>The case the message belongs to, and the email conversation it continues when it answers one that is open.</summary>
    private async Task<CaseThread?> ThreadOfAsync(MimeMessage message, IReadOnlyList<string> answered, Sender? known, CancellationToken cancellationToken)
    {
        if (answered.Count > 0)
        {
            // The email conversation of the message answered directly (found with a known sender), else of the latest one
            // answered; then it (tracked: the reply is written on it without reading it again) with its case. Two plain
            // look-ups by index: asked as one join, PostgreSQL's cached plan for it began from every email conversation
            // (estimated at one row when the plan was made) and grew with the mailbox. Latest by time, then number: ordered
            // by number alone, a cached plan can walk the whole table backwards by key (seen in the sender's question).
            var answeredConversation = known?.Answered
                ?? await db.ConversationMessages
                    .Where(m => m.ExternalId != null && answered.Contains(m.ExternalId) && db.Conversations.Any(v => v.Id == m.ConversationId && v.Door == Door.Email))
                    .OrderByDescending(m => m.At).ThenByDescending(m => m.Id).Select(m => (Guid?)m.ConversationId).FirstOrDefaultAsync(cancellationToken);
            if (answeredConversation is { } conversationId)
            {
                // The case comes as a change needs it: a reply on an open case is added to it without reading it again.
                var replied = await db.Conversations.Where(c => c.Id == conversationId)
                    .Join(work.Loadable, c => c.CaseId, k => k.Id, (c, k) => new { Conversation = c, Case = k })
                    .FirstOrDefaultAsync(cancellationToken);
                if (replied is not null)
                    return new CaseThread(
                        replied.Case.Id, replied.Case.Number, replied.Case.CustomerId, replied.Case.IsResolved, replied.Case.ResolvedAt,
                        replied.Conversation.State == ConversationState.Open ? replied.Conversation.Id : null, replied.Case);
            }

            // A message Moment does not keep, whose thread it does: the conversation's root.
            var conversation = await db.Conversations.Where(c => c.Door == Door.Email && c.ExternalId != null && answered.Contains(c.ExternalId))
                .OrderByDescending(c => c.StartedAt).Select(c => new { c.Id, c.CaseId, c.State }).FirstOrDefaultAsync(cancellationToken);
            if (conversation is not null)
                return await CaseThreadAsync(c => c.Id == conversation.CaseId, conversation.State == ConversationState.Open ? conversation.Id : null, cancellationToken);
        }

        // The number in the subject is only a hint: anyone can type one, so it leads only to the sender's own case.
        if (MailReading.CaseNumberIn(message.Subject) is { } number && known?.CustomerId is { } customer)
            return await CaseThreadAsync(c => c.Number == number && c.CustomerId == customer, null, cancellationToken);
        return null;
    }

    private async Task<CaseThread?> CaseThreadAsync(System.Linq.Expressions.Expression<Func<Case, bool>> which, Guid? conversationId, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.Where(which).Select(c => new { c.Id, c.Number, c.CustomerId, c.Status, c.ResolvedAt }).FirstOrDefaultAsync(cancellationToken);
        if (@case is null)
            return null;
        var resolved = @case.Status is CaseStatus.Resolved or CaseStatus.ResolvedBySilence;
        // A resolved case's conversation may have been closed with it; the reply then starts a new one on the reopened case.
        return new CaseThread(@case.Id, @case.Number, @case.CustomerId, resolved, @case.ResolvedAt, conversationId);
    }

    private async Task<EmailReceived> OpenCaseAsync(
        Mail mail, MailboxAddress? sender, string? address, Guid? customerId, MailboxSettings mailbox, CancellationToken cancellationToken)
    {
        var (team, registrar) = await MailboxTeamAsync(mailbox, cancellationToken);
        var name = sender?.Name is { Length: > 0 } given ? given.Trim() : address?.Split('@')[0] ?? "Unknown sender";
        var subject = string.IsNullOrWhiteSpace(mail.Message.Subject) ? NoSubject : Cut(mail.Message.Subject.Trim(), Case.SubjectMaxLength);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var opened = await openCase.HandleAsync(
            new OpenCaseFromContactRequest(
                Door.Email, customerId, Cut(name, Customer.NameMaxLength), null, customerId is null ? address : null, null, subject,
                Cut(mail.Text, Case.DescriptionMaxLength), StartConversation: true, ThreadId: MailReading.ThreadRootOf(mail.Message, mail.MessageId),
                MessageId: mail.MessageId, RegisterNewCustomer: customerId is null),
            registrar, cancellationToken);
        if (!await CompleteAsync(opened.ConversationId!.Value, opened.MessageId!.Value, mail, cancellationToken))
            return new EmailReceived(EmailOutcome.Duplicate);
        if (opened.NewCustomer)
        {
            // A customer Moment meets first by email is answered in the language they wrote in, until staff know better.
            // Registered just now in this transaction: found among what EF tracks, not read again.
            var customer = await db.Customers.FindAsync([opened.CustomerId], cancellationToken)
                ?? throw new InvalidOperationException($"The customer {opened.CustomerId} was just registered.");
            customer.ChangeLanguage(AcknowledgeNewCase.WrittenIn($"{subject}\n{mail.Text}"));
        }

        var @case = await work.LoadAsync(opened.CaseNumber, null, cancellationToken);
        await offerHandOff.OfferAsync(
            @case, new HandOffReceiver(HandOffTarget.Team(team), team), subject, $"New email to {mailbox.Address}, for the team to take.", null, registrar,
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // In the case's transaction: a message that is not stored is not acknowledged, and one that is, always is.
        await acknowledge.HandleAsync(mailbox, opened.ConversationId.Value, address, subject, mail.Text, cancellationToken);
        // Commits the transaction, and the feed tells the team's members of the offer at once.
        await work.SaveAsync(cancellationToken);
        return new EmailReceived(EmailOutcome.NewCase, opened.CaseNumber, opened.ConversationId, opened.MessageId);
    }

    private async Task<long?> WriteAsync(Guid conversationId, Mail mail, CancellationToken cancellationToken)
    {
        var message = await WriteMessageAsync(conversationId, mail, cancellationToken);
        return await CompleteAsync(conversationId, message.Id, mail, cancellationToken) ? message.Id : null;
    }

    /// <summary>The message on its conversation, saved for its number (the receipt and the case's timeline refer to it).</summary>
    private async Task<ConversationMessage> WriteMessageAsync(Guid conversationId, Mail mail, CancellationToken cancellationToken)
    {
        // Tracked since the thread was found, usually; then found without a round trip.
        var conversation = await db.Conversations.FindAsync([conversationId], cancellationToken)
            ?? throw new InvalidOperationException($"The conversation {conversationId} was just found.");
        var message = conversation.Write(ContactDirection.Inbound, null, Cut(mail.Text, ConversationMessage.TextMaxLength), mail.MessageId, time.GetUtcNow());
        db.ConversationMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }

    private async Task<(Guid, long?)> StartAsync(Guid caseId, Guid customerId, Mail mail, CancellationToken cancellationToken)
    {
        var started = await startConversation.StartAsync(
            caseId, customerId,
            new StartConversationRequest(Door.Email, MailReading.ThreadRootOf(mail.Message, mail.MessageId), ContactDirection.Inbound, Cut(mail.Text, ConversationMessage.TextMaxLength), mail.MessageId),
            null, cancellationToken);
        var stored = await CompleteAsync(started.ConversationId, started.MessageId!.Value, mail, cancellationToken);
        return (started.ConversationId, stored ? started.MessageId.Value : null);
    }

    /// <summary>
    /// <see cref="KeepAsync"/>, saved. False when the database refused the receipt: the same message was stored meanwhile
    /// by another delivery, and the caller's transaction, not committed, stores nothing.
    /// </summary>
    private async Task<bool> CompleteAsync(Guid conversationId, long messageId, Mail mail, CancellationToken cancellationToken)
    {
        await KeepAsync(conversationId, messageId, mail, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException error) when (IsUniqueViolation(error))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// The message's files and safe HTML, the mailbox on the conversation (replies go out from it), and the receipt of its
    /// Message-ID for the mailbox, for the next save to write.
    /// </summary>
    private async Task KeepAsync(Guid conversationId, long messageId, Mail mail, CancellationToken cancellationToken)
    {
        // Found among what this message's handling wrote (no round trip), or else read; only files are added to it.
        var message = await db.ConversationMessages.FindAsync([messageId], cancellationToken)
            ?? throw new InvalidOperationException($"The message {messageId} was just written.");
        foreach (var (name, type, file) in mail.Files)
            message.Attach(Cut(name, MessageAttachment.FileNameMaxLength), Cut(type, MessageAttachment.ContentTypeMaxLength), file.Length, file.Key);
        var conversation = await db.Conversations.FindAsync([conversationId], cancellationToken)
            ?? throw new InvalidOperationException($"The conversation {conversationId} was just written.");
        if (conversation.DoorData is null)
            conversation.KeepDoorData(System.Text.Json.JsonSerializer.Serialize(new EmailThreadData(mail.Mailbox)));
        db.EmailReceipts.Add(new EmailReceipt
        {
            Mailbox = mail.Mailbox.Trim().ToLowerInvariant(),
            MessageId = mail.MessageId,
            ConversationMessageId = messageId,
            ReceivedAt = time.GetUtcNow(),
        });
    }

    private static bool IsUniqueViolation(DbUpdateException error) => error.InnerException switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 1555 or 2067,
        _ => false,
    };

    /// <summary>
    /// The mailbox's team, which the new cases its mail opens are offered to, and the team's lead, who registers them and
    /// owns them until a member takes them (and who records a customer's reply that reopens a case).
    /// </summary>
    private async Task<(Guid Team, Actor Lead)> MailboxTeamAsync(MailboxSettings mailbox, CancellationToken cancellationToken)
    {
        var byId = Guid.TryParse(mailbox.Team, out var teamId);
        var team = await db.Teams.Where(t => byId ? t.Id == teamId : t.Name == mailbox.Team).Select(t => new { t.Id, t.TeamLeadId }).FirstOrDefaultAsync(cancellationToken);
        if (team?.TeamLeadId is not { } lead)
            throw new DomainRuleException("The team {0} of the mailbox {1} has no team lead to own the cases its email opens.", "Team", mailbox.Team, mailbox.Address);
        var card = await staff.FindAsync(lead, cancellationToken)
            ?? throw new NotFoundException("The member of staff registering the case does not exist.");
        return (team.Id, Actor.Of(card));
    }

    private static string TextOf(MimeMessage message)
    {
        var text = MailReading.TextOf(message);
        return text.Length > 0 ? text : string.IsNullOrWhiteSpace(message.Subject) ? NoSubject : message.Subject.Trim();
    }

    private async Task<IReadOnlyList<(string, string, StoredFile)>> KeepFilesAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var files = new List<(string, string, StoredFile)>();
        if (MailReading.SanitizedHtmlOf(message) is { } html)
        {
            using var content = new MemoryStream(Encoding.UTF8.GetBytes(html));
            files.Add((HtmlBodyFileName, "text/html", await store.SaveAsync(content, cancellationToken)));
        }

        var index = 0;
        foreach (var part in MailReading.FilesOf(message))
        {
            index++;
            // Decoded to a temporary file, not to memory: a message may carry 25 MB of attachments.
            var temporary = Path.GetTempFileName();
            try
            {
                await using (var into = File.Create(temporary))
                    await MailReading.WriteContentAsync(part, into, cancellationToken);
                await using var from = File.OpenRead(temporary);
                var type = part is MessagePart ? "message/rfc822" : part.ContentType.MimeType;
                files.Add((MailReading.FileNameOf(part, index), type, await store.SaveAsync(from, cancellationToken)));
            }
            finally
            {
                File.Delete(temporary);
            }
        }

        return files;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

/// <summary>What the email door keeps on a conversation: the mailbox the thread came to, which replies are sent from.</summary>
public sealed record EmailThreadData(string Mailbox);
