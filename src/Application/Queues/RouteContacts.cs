using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Telemetry;
using Moment.Domain.Cases;
using Moment.Domain.Queues;

namespace Moment.Application.Queues;

/// <summary>What one routing round did: offers that lapsed (their agents set away) and offers made.</summary>
public sealed record RoutingRound(int Lapsed, int Offered);

/// <summary>
/// One round of the queue: offers nobody answered in time go back to the front (and their agents are set away, so the
/// next offer goes to someone present); then each queue's line, the queue whose front has waited longest first, is
/// offered to free agents by <see cref="Routing"/>. The line is in the database, so a restart loses no one's place.
/// </summary>
/// <remarks>
/// With several instances exactly one routes at a time: on PostgreSQL the round holds a transaction-scoped advisory
/// lock (another instance that cannot take it skips its round), and every contact and presence row carries a version,
/// so even a round that raced past the lock could not save an offer over another's. SQLite is for one instance.
/// </remarks>
public sealed class RouteContacts(AppDbContext db, MomentMetrics metrics, TimeProvider time)
{
    /// <summary>The advisory lock's key: any number no other part of Moment uses ("MOMENTQ" in ASCII).</summary>
    private const long RoutingLock = 0x4D4F4D454E5451;

    public async Task<RoutingRound> HandleAsync(CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql()
            && !await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({RoutingLock}) AS \"Value\"").SingleAsync(cancellationToken))
            return new RoutingRound(0, 0);
        var now = time.GetUtcNow();

        var lapsing = await db.WaitingContacts.Where(c => c.State == ContactState.Offered && c.OfferExpiresAt <= now).ToListAsync(cancellationToken);
        var lapsedAgents = lapsing.Select(c => c.OfferedToId).OfType<Guid>().Distinct().ToList();
        var presences = await db.AgentPresences.Where(p => p.State == Presence.Available || lapsedAgents.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, cancellationToken);
        foreach (var contact in lapsing)
        {
            var agent = contact.Lapse(now);
            if (presences.TryGetValue(agent, out var presence))
                presence.Lapsed(now);
        }

        // Saved before the line is read, so that a lapsed contact is back in it for the next agent this same round.
        await db.SaveChangesAsync(cancellationToken);

        // Nobody with room for one more, nobody to offer to: the line is not read. While every agent is busy (when a queue
        // is longest) each join pokes a round, and reading the whole line each time was most of the round's cost.
        var available = presences.Values.Where(p => p.State == Presence.Available).ToList();
        var free = available.Count == 0 ? [] : await FreeAgentsAsync(available, cancellationToken);
        var line = free.Values.Any(a => a.FreeCalls > 0 || a.FreeChats > 0)
            ? await db.WaitingContacts.Where(c => c.State == ContactState.Waiting)
                .OrderBy(c => c.PlaceAt).ThenBy(c => c.Id).ToListAsync(cancellationToken)
            : [];
        var offered = new List<WaitingContact>();
        if (line.Count > 0)
        {
            var queues = await db.Queues.AsNoTracking().ToDictionaryAsync(q => q.Id, cancellationToken);
            var contacts = line.ToDictionary(c => c.Id);
            // The queue whose front has waited longest chooses first: agents who serve several queues go where the wait is.
            foreach (var queueLine in line.GroupBy(c => c.QueueId).OrderBy(g => g.First().PlaceAt))
            {
                var queue = queues[queueLine.Key];
                foreach (var offer in Routing.Offers(queueLine.Select(c => new LineEntry(c.Id, c.RoutedAs, c.Needs, c.OwnerFirstId)), free.Values, queue.Routing))
                {
                    var contact = contacts[offer.ContactId];
                    contact.Offer(offer.AgentId, queue.OfferTime, now);
                    presences[offer.AgentId].Offered(now);
                    free[offer.AgentId] = free[offer.AgentId].Took(contact.RoutedAs);
                    offered.Add(contact);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var contact in lapsing)
            metrics.QueueOffer(contact.QueueId, "lapsed");
        foreach (var contact in offered)
            metrics.QueueOffer(contact.QueueId, "offered");
        return new RoutingRound(lapsing.Count, offered.Count);
    }

    /// <summary>Available agents with what each can still take: capacity less the contacts they hold and are offered.</summary>
    private async Task<Dictionary<Guid, FreeAgent>> FreeAgentsAsync(IReadOnlyList<AgentPresence> available, CancellationToken cancellationToken)
    {
        var ids = available.Select(p => p.UserId).ToList();
        var held = await db.WaitingContacts.AsNoTracking()
            .Where(c => (c.State == ContactState.Answered && ids.Contains(c.AnsweredById!.Value))
                || (c.State == ContactState.Offered && ids.Contains(c.OfferedToId!.Value)))
            .Select(c => new { Agent = c.AnsweredById ?? c.OfferedToId, c.Door, c.Callback })
            .ToListAsync(cancellationToken);
        var load = held.ToLookup(h => h.Agent);
        return available.ToDictionary(p => p.UserId, p =>
        {
            var mine = load[p.UserId].ToList();
            var calls = mine.Count(h => WaitingContact.RoutedAsFor(h.Door, h.Callback) == Door.Phone);
            return new FreeAgent(p.UserId, p.Skills, Math.Max(0, p.ChatCapacity - (mine.Count - calls)), Math.Max(0, p.CallCapacity - calls), p.IdleSince, p.LastOfferedAt);
        });
    }
}
