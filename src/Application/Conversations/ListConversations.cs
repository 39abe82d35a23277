using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Domain.Conversations;

namespace Moment.Application.Conversations;

public sealed record AttachmentView(long Id, string FileName, string ContentType, long Length);

/// <summary>One message; <paramref name="Author"/> is the member of staff who wrote it, null for the customer's own and Moment's.</summary>
public sealed record MessageView(
    long Id, DateTimeOffset At, ContactDirection Direction, PersonRef? Author, string Text, DeliveryState Delivery, string? Failure,
    string? ExternalId, IReadOnlyList<AttachmentView> Attachments);

public sealed record ConversationView(
    Guid Id, Guid? CaseId, Door Door, ConversationState State, DateTimeOffset StartedAt, DateTimeOffset? ClosedAt, string? ExternalId,
    IReadOnlyList<MessageView> Messages);

/// <summary>
/// A case's conversations with their messages, oldest first. Messages say what customers wrote, contact details
/// included, so only staff who serve customers read them (as with <see cref="Customers.FindCustomers"/>).
/// </summary>
public sealed class ListConversations(AppDbContext db)
{
    public async Task<IReadOnlyList<ConversationView>> HandleAsync(string number, Actor actor, CancellationToken cancellationToken = default)
    {
        RequireServing(actor);
        var normalized = CaseNumbers.Normalize(number);
        var caseId = await db.Cases.Where(c => c.Number == normalized).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("There is no case {0}.", number);
        var conversations = await db.Conversations.AsNoTracking().Where(c => c.CaseId == caseId)
            .OrderBy(c => c.StartedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return await ViewsAsync(conversations, cancellationToken);
    }

    /// <summary>One conversation as it now is.</summary>
    public async Task<ConversationView> OneAsync(Guid conversationId, Actor actor, CancellationToken cancellationToken = default)
    {
        RequireServing(actor);
        var conversation = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken)
            ?? throw new NotFoundException("There is no such conversation.");
        return (await ViewsAsync([conversation], cancellationToken))[0];
    }

    internal static void RequireServing(Actor actor)
    {
        if (!actor.ServesCustomers)
            throw new ForbiddenException("Only staff who serve customers can read and write conversations.");
    }

    private async Task<IReadOnlyList<ConversationView>> ViewsAsync(IReadOnlyList<Conversation> conversations, CancellationToken cancellationToken)
    {
        var ids = conversations.Select(c => c.Id).ToList();
        var messages = await db.ConversationMessages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => ids.Contains(m.ConversationId)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var authorIds = messages.Select(m => m.AuthorId).OfType<Guid>().Distinct().ToList();
        var authors = await db.Users.Where(u => authorIds.Contains(u.Id))
            .Select(u => new PersonRef(u.Id, u.DisplayName, u.Email ?? "")).ToDictionaryAsync(p => p.Id, cancellationToken);
        var byConversation = messages.ToLookup(m => m.ConversationId);
        return [.. conversations.Select(c => new ConversationView(
            c.Id, c.CaseId, c.Door, c.State, c.StartedAt, c.ClosedAt, c.ExternalId,
            [.. byConversation[c.Id].Select(m => View(m, m.AuthorId is { } author ? authors.GetValueOrDefault(author) : null))]))];
    }

    internal static MessageView View(ConversationMessage m, PersonRef? author) => new(
        m.Id, m.At, m.Direction, author, m.Text, m.Delivery, m.Failure, m.ExternalId,
        [.. m.Attachments.Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Length))]);
}
