using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Queues;
using Moment.Domain.Queues;

namespace Moment.Application.Chat;

/// <summary>
/// What a connected customer was last told: where they stood (in the customer's terms, <see cref="ChatStage"/>), their
/// place and range, and the last message they have.
/// </summary>
public sealed record ChatFollow(Guid ContactId, ChatStage Stage, int? Position, TimeSpan? WaitFrom, TimeSpan? WaitTo, long LastMessageId)
{
    public static ChatFollow Of(ChatStanding standing, long lastMessageId) => new(
        standing.ContactId, ChatStages.Of(standing.State), standing.Position, standing.WaitFrom, standing.WaitTo,
        standing.Messages.Count == 0 ? lastMessageId : Math.Max(lastMessageId, standing.Messages[^1].Id));
}

/// <summary>A place in line, all a waiting customer needs to hear when the line moves.</summary>
public sealed record ChatPlace(int Position, TimeSpan? WaitFrom, TimeSpan? WaitTo);

/// <summary>
/// What one customer is to be told: a new place only (the common case, small), or their whole standing with the
/// messages they do not have yet (a person answered, wrote, or the chat ended).
/// </summary>
public sealed record ChatChange(Guid ContactId, ChatPlace? Place, ChatStanding? Standing);

/// <summary>The customer's side of a contact's state: an offer on its way to an agent is still a place in line to them.</summary>
public enum ChatStage
{
    WithBot,
    InLine,
    WithPerson,
    Done,
}

public static class ChatStages
{
    public static ChatStage Of(ContactState state) => state switch
    {
        ContactState.WithBot => ChatStage.WithBot,
        ContactState.Waiting or ContactState.Offered => ChatStage.InLine,
        ContactState.Answered => ChatStage.WithPerson,
        _ => ChatStage.Done,
    };
}

/// <summary>
/// Finds what changed for the customers connected to this instance since they were last told, from the database (so
/// it is the same whichever instance made the change): one read of their contacts, one of each queue's line, one of new
/// messages. Only a customer whose stage changed or who has new messages costs a read of their own; the many who only
/// moved up get their new place from the line already read. The first range a customer is shown is recorded, as
/// <see cref="ReadChat"/> does, because that is what honesty is measured against.
/// </summary>
public sealed class WatchChats(AppDbContext db, QueueLines lines, ReadChat read, TimeProvider time)
{
    public async Task<IReadOnlyList<ChatChange>> HandleAsync(IReadOnlyCollection<ChatFollow> follows, CancellationToken cancellationToken = default)
    {
        if (follows.Count == 0)
            return [];
        var ids = follows.Select(f => f.ContactId).ToList();
        var rows = await db.WaitingContacts.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.QueueId, c.State, c.ConversationId, c.PromisedAt })
            .ToDictionaryAsync(c => c.Id, cancellationToken);

        var places = new Dictionary<Guid, PlaceInLine>();
        foreach (var queueId in rows.Values.Where(r => ChatStages.Of(r.State) == ChatStage.InLine).Select(r => r.QueueId).Distinct())
        {
            foreach (var place in await lines.OfAsync(queueId, cancellationToken))
                places[place.ContactId] = place;
        }

        var conversationIds = rows.Values.Select(r => r.ConversationId).OfType<Guid>().Distinct().ToList();
        var after = follows.Min(f => f.LastMessageId);
        var lastMessages = conversationIds.Count == 0 ? [] : await db.ConversationMessages.AsNoTracking()
            .Where(m => m.Id > after && conversationIds.Contains(m.ConversationId))
            .GroupBy(m => m.ConversationId).Select(g => new { g.Key, Last = g.Max(m => m.Id) })
            .ToDictionaryAsync(g => g.Key, g => g.Last, cancellationToken);

        var changes = new List<ChatChange>();
        var whole = new List<ChatFollow>();
        var shown = new List<PlaceInLine>();
        foreach (var follow in follows)
        {
            if (!rows.TryGetValue(follow.ContactId, out var row))
                continue;
            var newMessages = row.ConversationId is { } conversationId && lastMessages.GetValueOrDefault(conversationId) > follow.LastMessageId;
            if (ChatStages.Of(row.State) != follow.Stage || newMessages)
            {
                whole.Add(follow);
                continue;
            }

            if (places.GetValueOrDefault(follow.ContactId) is not { } place
                || (place.Position == follow.Position && place.From == follow.WaitFrom && place.To == follow.WaitTo))
                continue;
            if (place.From is not null && row.PromisedAt is null)
                shown.Add(place);
            changes.Add(new ChatChange(follow.ContactId, new ChatPlace(place.Position, place.From, place.To), null));
        }

        await RecordShownAsync(shown, cancellationToken);
        if (whole.Count > 0)
        {
            var wholeIds = whole.Select(f => f.ContactId).ToList();
            var contacts = await db.WaitingContacts.Where(c => wholeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            foreach (var follow in whole)
            {
                if (contacts.TryGetValue(follow.ContactId, out var contact))
                    changes.Add(new ChatChange(follow.ContactId, null, await read.StandingAsync(contact, follow.LastMessageId, cancellationToken)));
            }
        }

        return changes;
    }

    /// <summary>
    /// The first range each customer sees is kept beside the wait that follows. A contact routing moved on meanwhile
    /// fails the batch's version check; the batch is tried again at the next look, as the customers still in line
    /// have no recorded range.
    /// </summary>
    private async Task RecordShownAsync(List<PlaceInLine> shown, CancellationToken cancellationToken)
    {
        if (shown.Count == 0)
            return;
        var ids = shown.Select(p => p.ContactId).ToList();
        var contacts = await db.WaitingContacts.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var place in shown)
        {
            if (contacts.TryGetValue(place.ContactId, out var contact) && place is { From: { } from, To: { } to })
                contact.Shown(from, to, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
        }
    }
}
