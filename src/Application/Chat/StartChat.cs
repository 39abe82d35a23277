using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Queues;
using Moment.Domain;
using Moment.Domain.Calendar;
using Moment.Domain.Cases;
using Moment.Domain.Conversations;
using Moment.Domain.Queues;

namespace Moment.Application.Chat;

/// <summary>A customer starts a chat with a name and a question; phone and email are theirs to give or not (no account).</summary>
public sealed record StartChatRequest(Guid? QueueId, string? Name, string? Question, string? Phone, string? Email, string? Language);

public sealed record ChatStarted(string Token, ChatStanding Standing);

/// <summary>
/// Opens the chat door: the conversation with the customer's first message and their place in the queue's line, in
/// one transaction. Outside the team's opening hours the chat is kept as a message to be answered (written back here,
/// or a callback when a number is given) and the customer is told when the team opens.
/// </summary>
public sealed class StartChat(AppDbContext db, ReadChat read, QueueBot bot, QueueSignal signal, TimeProvider time)
{
    public async Task<ChatStarted> HandleAsync(StartChatRequest request, CancellationToken cancellationToken = default)
    {
        var queue = request.QueueId is { } id ? await db.Queues.FirstOrDefaultAsync(q => q.Id == id, cancellationToken) : null;
        if (queue is null)
            throw new DomainRuleException("Choose where to chat: that queue does not exist.", "QueueId");
        var language = (request.Language ?? "sv").Trim().ToLowerInvariant() is "en" ? "en" : "sv";
        var phone = string.IsNullOrWhiteSpace(request.Phone) ? null
            : Customers.PhoneNumbers.TryNormalize(request.Phone) ?? throw new DomainRuleException("That is not a phone number we can call.", "Phone");
        var email = Text.Optional(request.Email, "Email", Text.EmailMaxLength);
        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
            throw new DomainRuleException("That is not an email address.", "Email");
        var now = time.GetUtcNow();
        var (token, hash) = ChatTokens.New();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var conversation = Conversation.Waiting(Door.Chat, now);
        var contact = WaitingContact.Enter(queue, Door.Chat, language, request.Name, phone, email, request.Question, null, conversation.Id, hash, queue.BotFirst, now);
        db.Conversations.Add(conversation);
        db.ConversationMessages.Add(conversation.Write(ContactDirection.Inbound, null, contact.Question, null, now));
        db.WaitingContacts.Add(contact);
        var calendar = await CalendarAsync(queue.TeamId, cancellationToken);
        // Closed: kept as a message to answer here when the team opens; the customer may still ask for a call instead.
        if (!calendar.IsOpen(now))
            contact.AskForCallback(CallbackWay.WriteHere, null, now);
        else
            await bot.TakeTurnAsync(contact, conversation, contact.Question, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Poke();
        return new ChatStarted(token, await read.StandingAsync(contact, null, cancellationToken));
    }

    private async Task<BusinessCalendar> CalendarAsync(Guid teamId, CancellationToken cancellationToken) =>
        new(await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.Calendar).FirstAsync(cancellationToken));
}
