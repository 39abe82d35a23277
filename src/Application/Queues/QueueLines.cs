using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Cases;
using Moment.Domain.Queues;
using Moment.Staffing;

namespace Moment.Application.Queues;

/// <summary>A contact's place: 1 is next. The range of wait from now is null while nobody serves the queue.</summary>
public sealed record PlaceInLine(Guid ContactId, int Position, TimeSpan? From, TimeSpan? To);

/// <summary>What the wait of a queue's line is worked out from, as it is now.</summary>
public sealed record LineState(int ServingPlaces, TimeSpan AverageHandleTime, int HandledLastHour);

/// <summary>
/// Positions and truthful waits from the live line in the database (so every instance tells every customer the same):
/// the places being served are the present agents with the queue's skills times what each takes at once; the handle
/// time is the mean of the queue's contacts that ended in the last hour (a default until there are five). See
/// <see cref="PositionWait"/> for why a range and how it is found.
/// </summary>
public sealed class QueueLines(AppDbContext db, TimeProvider time)
{
    /// <summary>The handle time assumed until the queue has ended enough contacts in the last hour to know its own.</summary>
    public static readonly TimeSpan DefaultHandleTime = TimeSpan.FromMinutes(4);

    public const int EnoughToKnow = 5;

    /// <summary>The share of waits a shown range aims to hold; honesty (the share that did) is checked against 80 %.</summary>
    public const double Coverage = 0.85;

    public async Task<IReadOnlyList<PlaceInLine>> OfAsync(Guid queueId, CancellationToken cancellationToken)
    {
        var line = await db.WaitingContacts.AsNoTracking()
            .Where(c => c.QueueId == queueId && (c.State == ContactState.Waiting || c.State == ContactState.Offered))
            .OrderBy(c => c.PlaceAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Door, c.Callback })
            .ToListAsync(cancellationToken);
        if (line.Count == 0)
            return [];
        var state = await StateAsync(queueId, line[0].Door, cancellationToken);
        return [.. line.Select((c, i) => Place(c.Id, i + 1, state))];
    }

    /// <summary>
    /// One contact's place, the same as in <see cref="OfAsync"/> but without reading the line: the ones ahead are counted
    /// in the database. Each customer's look at their own chat costs the same however long the line, and it is one
    /// question for the place (with the queue's skills) besides the two the range is worked out from: every phone
    /// webhook of a waiting caller asks it, at rates where each round trip to the database counts.
    /// </summary>
    public async Task<PlaceInLine?> PlaceOfAsync(WaitingContact contact, CancellationToken cancellationToken)
    {
        if (!contact.IsInLine)
            return null;
        var inLine = db.WaitingContacts.AsNoTracking()
            .Where(c => c.QueueId == contact.QueueId && (c.State == ContactState.Waiting || c.State == ContactState.Offered));
        var seen = await db.Queues.AsNoTracking().Where(q => q.Id == contact.QueueId).Select(q => new
        {
            q.Skills,
            Ahead = inLine.Count(c => c.PlaceAt < contact.PlaceAt),
            Tied = inLine.Count(c => c.PlaceAt == contact.PlaceAt),
            Here = inLine.Any(c => c.Id == contact.Id),
            Front = inLine.OrderBy(c => c.PlaceAt).ThenBy(c => c.Id).Select(c => (Door?)c.Door).FirstOrDefault(),
        }).FirstOrDefaultAsync(cancellationToken);
        if (seen is not { Here: true, Front: { } door })
            return null; // it left the line meanwhile
        // Ties on the moment (rare) are ordered by id as the database orders them, as OfAsync does.
        var amongTied = seen.Tied == 1
            ? 0
            : (await inLine.Where(c => c.PlaceAt == contact.PlaceAt).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken)).IndexOf(contact.Id);
        if (amongTied < 0)
            return null;
        return Place(contact.Id, seen.Ahead + amongTied + 1, await StateAsync(contact.QueueId, seen.Skills, door, cancellationToken));
    }

    private async Task<LineState> StateAsync(Guid queueId, Door door, CancellationToken cancellationToken) =>
        await StateAsync(queueId, await db.Queues.AsNoTracking().Where(q => q.Id == queueId).Select(q => q.Skills).FirstAsync(cancellationToken), door, cancellationToken);

    private async Task<LineState> StateAsync(Guid queueId, Skills skills, Door door, CancellationToken cancellationToken)
    {
        var present = await db.AgentPresences.AsNoTracking()
            .Where(p => p.State == Presence.Available || p.State == Presence.WrapUp)
            .Select(p => new { p.Skills, p.ChatCapacity, p.CallCapacity })
            .ToListAsync(cancellationToken);
        var places = present.Where(p => p.Skills.Covers(skills)).Sum(p => door == Door.Phone ? p.CallCapacity : p.ChatCapacity);
        var since = time.GetUtcNow().AddHours(-1);
        var ended = await db.WaitingContacts.AsNoTracking()
            .Where(c => c.QueueId == queueId && c.State == ContactState.Ended && c.EndedAt >= since && c.AnsweredAt != null)
            .Select(c => new { c.AnsweredAt, c.EndedAt })
            .ToListAsync(cancellationToken);
        var handle = ended.Count >= EnoughToKnow
            ? TimeSpan.FromSeconds(ended.Average(c => (c.EndedAt!.Value - c.AnsweredAt!.Value).TotalSeconds))
            : DefaultHandleTime;
        return new LineState(places, handle < TimeSpan.FromSeconds(10) ? TimeSpan.FromSeconds(10) : handle, ended.Count);
    }

    public static PlaceInLine Place(Guid contactId, int position, LineState state)
    {
        if (state.ServingPlaces == 0)
            return new PlaceInLine(contactId, position, null, null);
        var (from, to) = PositionWait.Range(position, state.ServingPlaces, state.AverageHandleTime, Coverage);
        return new PlaceInLine(contactId, position, Minutes(from, MidpointRounding.ToNegativeInfinity), Minutes(to, MidpointRounding.ToPositiveInfinity));
    }

    /// <summary>Whole minutes outwards: "about 4–6 minutes" is what a person can hold on to, and rounding out keeps it true.</summary>
    private static TimeSpan Minutes(TimeSpan value, MidpointRounding direction) =>
        TimeSpan.FromMinutes(Math.Round(value.TotalMinutes, 0, direction));
}
