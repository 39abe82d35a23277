using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Chat;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Conversations;

/// <summary>A message in a conversation: inbound (the customer's) unless <paramref name="Direction"/> says outbound.</summary>
public sealed record WriteMessageRequest(ContactDirection? Direction, string? Text, string? ExternalId);

/// <summary>
/// Adds one message row. Neither the case nor the conversation's other messages are loaded or changed: a chat message
/// never bumps the case's version, and two people writing in one chat at the same moment both succeed.
/// </summary>
/// <remarks>
/// The actor is the member of staff who writes; an outbound message is theirs. Null is the door itself
/// delivering the customer's own message, which can only be inbound. A message whose <see cref="WriteMessageRequest.ExternalId"/>
/// is already in the conversation is a door delivering it again: the one already written is the answer.
/// </remarks>
public sealed class WriteMessage(AppDbContext db, ChatSignal chats, TimeProvider time)
{
    public async Task<MessageView> HandleAsync(Guid conversationId, WriteMessageRequest request, Actor? by, CancellationToken cancellationToken = default)
    {
        if (by is not null)
            ListConversations.RequireServing(by);
        var direction = request.Direction ?? ContactDirection.Inbound;
        if (direction == ContactDirection.Outbound && by is null)
            throw new ForbiddenException("Only a member of staff can write to the customer.");
        // A message and the conversation's closing must not pass each other. The conversation is read in the message's
        // transaction: on PostgreSQL after a share lock, which closing waits for and other writers do not; on SQLite the
        // write gate lets one transaction in at a time.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Conversations\" WHERE \"Id\" = {conversationId} FOR SHARE", cancellationToken);
        var conversation = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken)
            ?? throw new NotFoundException("There is no such conversation.");
        var externalId = Text.Optional(request.ExternalId, "ExternalId", Domain.Conversations.Conversation.ExternalIdMaxLength);
        if (externalId is not null
            && await db.ConversationMessages.AsNoTracking().Include(m => m.Attachments)
                .FirstOrDefaultAsync(m => m.ConversationId == conversationId && m.ExternalId == externalId, cancellationToken) is { } repeat)
            return ListConversations.View(repeat, await AuthorAsync(repeat.AuthorId, cancellationToken));

        var author = direction == ContactDirection.Outbound ? by?.Id : null;
        var message = conversation.Write(direction, author, request.Text ?? "", externalId, time.GetUtcNow());
        db.ConversationMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        if (conversation.Door == Door.Chat)
            chats.Poke();
        return ListConversations.View(message, await AuthorAsync(author, cancellationToken));
    }

    private async Task<PersonRef?> AuthorAsync(Guid? authorId, CancellationToken cancellationToken) =>
        authorId is not { } id
            ? null
            : await db.Users.Where(u => u.Id == id).Select(u => new PersonRef(u.Id, u.DisplayName, u.Email ?? "")).FirstOrDefaultAsync(cancellationToken);
}
