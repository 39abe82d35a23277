using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Cases;
using Moment.Domain.Queues;

namespace Moment.Application.Queues;

/// <summary>
/// One contact in the line as the wall shows it, front first: how long they have waited so far, and the range they were
/// shown (null when none was: nobody served the queue then). <see cref="OverRange"/> when the wait since the range was
/// shown has passed its end: a promise being broken now, for the lead to act on. No name and no question: a wall screen
/// is read by whoever walks by.
/// </summary>
public sealed record WallContact(
    int Position, Door Door, CallbackWay? Callback, ContactState State, string Language, TimeSpan WaitedSoFar,
    TimeSpan? PromisedFrom, TimeSpan? PromisedTo, bool OverRange, DateTimeOffset? CallbackDue);

/// <summary>
/// An agent who could answer the queue (has its skills), their presence since when, and how many contacts they hold and
/// are offered now, against what they take at once: the load of the moment, never a count that ranks one against another.
/// </summary>
public sealed record WallAgent(Guid UserId, string Name, Presence Presence, DateTimeOffset Since, int Holding, int Offered, int ChatCapacity);

/// <summary>The queue wall: the line now, the agents who could serve it, and the day so far (<see cref="QueueDay"/>).</summary>
public sealed record WallView(
    QueueView Queue, DateTimeOffset At, IReadOnlyList<WallContact> Line, int WithBot, int CallbacksWaiting, int CallbacksDue,
    IReadOnlyList<WallAgent> Agents, int AgentsAway, QueueDay Today);

/// <summary>
/// What a team lead's wall screen shows of one queue, read fresh each time (every instance's changes are in the database).
/// A callback is due when its promise's deadline has come, or comes within <see cref="DueSoon"/>.
/// </summary>
public sealed class QueueWall(AppDbContext db, QueueSettings settings, QueueToday today, TimeProvider time)
{
    public static readonly TimeSpan DueSoon = TimeSpan.FromMinutes(15);

    public async Task<WallView> HandleAsync(Guid queueId, CancellationToken cancellationToken = default)
    {
        var queue = await settings.FindAsync(queueId, cancellationToken);
        var day = await today.HandleAsync(queueId, cancellationToken);
        var now = time.GetUtcNow();

        var open = await db.WaitingContacts.AsNoTracking()
            .Where(c => c.QueueId == queueId && (c.State == ContactState.WithBot || c.State == ContactState.Waiting || c.State == ContactState.Offered))
            .ToListAsync(cancellationToken);
        var line = open.Where(c => c.IsInLine).OrderBy(c => c.PlaceAt).ThenBy(c => c.Id).ToList();
        var caseIds = line.Where(c => c.Callback == CallbackWay.Phone && c.CaseId is not null).Select(c => c.CaseId!.Value).ToList();
        var deadlines = caseIds.Count == 0
            ? []
            : (await db.Commitments.AsNoTracking()
                .Where(p => caseIds.Contains(p.CaseId) && p.Kind == CommitmentKind.CallBack && p.State == CommitmentState.Open)
                .Select(p => new { p.CaseId, p.Deadline })
                .ToListAsync(cancellationToken))
              .GroupBy(p => p.CaseId).ToDictionary(g => g.Key, g => g.Min(p => p.Deadline));

        var contacts = line.Select((c, i) => new WallContact(
            i + 1, c.Door, c.Callback, c.State, c.Language, now - c.PlaceAt, c.PromisedFrom, c.PromisedTo,
            c.PromisedAt is { } shown && c.PromisedTo is { } to && now - shown > to,
            c.CaseId is { } caseId && deadlines.TryGetValue(caseId, out var due) ? due : null)).ToList();

        var (agents, away) = await AgentsAsync(Skills.Parse(queue.Skills), now, cancellationToken);
        return new WallView(
            queue, now, contacts, open.Count(c => c.State == ContactState.WithBot),
            contacts.Count(c => c.Callback is not null), contacts.Count(c => c.CallbackDue is { } due && due - now <= DueSoon),
            agents, away, day);
    }

    private async Task<(IReadOnlyList<WallAgent> Agents, int Away)> AgentsAsync(Skills needed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var presences = (await db.AgentPresences.AsNoTracking()
                .Join(db.Users.Where(u => u.IsActive), p => p.UserId, u => u.Id, (p, u) => new { Presence = p, u.DisplayName })
                .ToListAsync(cancellationToken))
            .Where(x => x.Presence.Skills.Covers(needed))
            .ToList();
        var ids = presences.Select(x => x.Presence.UserId).ToList();
        // Across every queue: an agent's room for one more is counted over all they hold, not one queue's share.
        var load = await db.WaitingContacts.AsNoTracking()
            .Where(c => (c.State == ContactState.Answered && c.AnsweredById != null && ids.Contains(c.AnsweredById.Value))
                || (c.State == ContactState.Offered && c.OfferExpiresAt > now && c.OfferedToId != null && ids.Contains(c.OfferedToId.Value)))
            .Select(c => new { c.State, c.AnsweredById, c.OfferedToId })
            .ToListAsync(cancellationToken);
        var present = presences.Where(x => x.Presence.State != Presence.Away)
            .Select(x => new WallAgent(
                x.Presence.UserId, x.DisplayName, x.Presence.State, x.Presence.Since,
                load.Count(c => c.State == ContactState.Answered && c.AnsweredById == x.Presence.UserId),
                load.Count(c => c.State == ContactState.Offered && c.OfferedToId == x.Presence.UserId),
                x.Presence.ChatCapacity))
            .OrderBy(a => a.Name, StringComparer.CurrentCulture)
            .ToList();
        return (present, presences.Count - present.Count);
    }
}
