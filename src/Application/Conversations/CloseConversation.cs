using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;

namespace Moment.Application.Conversations;

/// <summary>Ends a conversation (the chat is over, the call hung up); closing it twice is no mistake. The case stays as it is.</summary>
public sealed class CloseConversation(AppDbContext db, TimeProvider time)
{
    public async Task HandleAsync(Guid conversationId, Actor actor, CancellationToken cancellationToken = default)
    {
        ListConversations.RequireServing(actor);
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken)
            ?? throw new NotFoundException("There is no such conversation.");
        conversation.Close(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
