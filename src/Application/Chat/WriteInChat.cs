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
public sealed class WriteInChat(AppDbContext db, ChatTokens tokens, WriteMessage write, ReadChat read, QueueSignal signal, TimeProvider time)
{
    public const int MessageMaxLength = 4000;

    /// <summary>Words with which a customer asks the bot for a person, in Swedish and English.</summary>
    private static readonly string[] AskingForAPerson = ["människa", "person", "agent", "handläggare", "human", "operator", "personal"];

    public async Task<ChatStanding> HandleAsync(string? token, string? text, long? afterMessage, CancellationToken cancellationToken = default)
    {
        var contact = await tokens.FindAsync(token, cancellationToken);
        var message = Text.Required(text, "Message", MessageMaxLength);
        if (contact.ConversationId is not { } conversationId || contact.State is ContactState.Abandoned or ContactState.Ended or ContactState.EndedByBot)
            throw new ConflictException("This chat has ended. Start a new chat.");
        await write.HandleAsync(conversationId, new WriteMessageRequest(ContactDirection.Inbound, message, null), null, cancellationToken);
        if (contact.State == ContactState.WithBot && AsksForAPerson(message))
        {
            contact.JoinLine(time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            signal.Poke();
        }

        return await read.StandingAsync(contact, afterMessage, cancellationToken);
    }

    public static bool AsksForAPerson(string message) =>
        message.Split([' ', ',', '.', '!', '?', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Any(word => AskingForAPerson.Any(p => word.StartsWith(p, StringComparison.OrdinalIgnoreCase)));
}
