using Microsoft.EntityFrameworkCore;
using Moment.Application.Conversations;
using Moment.Application.Data;
using Moment.Application.Queues;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Domain.Queues;

namespace Moment.Application.Chat;

/// <summary>
/// The customer writes in their chat. The message joins the conversation whoever has it now (the line, a person);
/// nothing is half stored: a message over the limit is refused whole.
/// </summary>
public sealed class WriteInChat(AppDbContext db, ChatTokens tokens, WriteMessage write, QueueBot bot, ReadChat read, QueueSignal signal, TimeProvider time)
{
    public const int MessageMaxLength = 4000;

    public async Task<ChatStanding> HandleAsync(string? token, string? text, long? afterMessage, CancellationToken cancellationToken = default)
    {
        var contact = await tokens.FindAsync(token, cancellationToken);
        var message = Text.Required(text, "Message", MessageMaxLength);
        if (contact.ConversationId is not { } conversationId || contact.State is ContactState.Abandoned or ContactState.Ended or ContactState.EndedByBot)
            throw new ConflictException("This chat has ended. Start a new chat.");
        await write.HandleAsync(conversationId, new WriteMessageRequest(ContactDirection.Inbound, message, null), null, cancellationToken);
        if (contact.State == ContactState.WithBot)
        {
            var conversation = await db.Conversations.FirstAsync(c => c.Id == conversationId, cancellationToken);
            var joined = await bot.TakeTurnAsync(contact, conversation, message, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (joined)
                signal.Poke();
        }

        return await read.StandingAsync(contact, afterMessage, cancellationToken);
    }

    /// <summary>"Talk to a person", at any moment: a chat with the bot joins the line at the place of its first message.</summary>
    public async Task<ChatStanding> TalkToAPersonAsync(string? token, CancellationToken cancellationToken = default)
    {
        var contact = await tokens.FindAsync(token, cancellationToken);
        if (contact.State == ContactState.WithBot)
        {
            contact.JoinLine(time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            signal.Poke();
        }

        return await read.StandingAsync(contact, null, cancellationToken);
    }
}
