using Moment.Domain.Cases;

namespace Moment.Domain.Queues;

/// <summary>
/// A contact in the line as routing sees it, front first. <paramref name="OwnerFirst"/>: the owner of the customer's open
/// case, who is offered it before the rule chooses.
/// </summary>
public sealed record LineEntry(Guid ContactId, Door Door, Skills Needs, Guid? OwnerFirst = null);

/// <summary>
/// An agent as routing sees them: present and available (others are not listed), their skills, how many more contacts
/// of each door they can take now (capacity less what they hold and are offered), and the times the rules compare.
/// </summary>
public sealed record FreeAgent(Guid UserId, Skills Skills, int FreeChats, int FreeCalls, DateTimeOffset IdleSince, DateTimeOffset? LastOfferedAt)
{
    public int FreeFor(Door door) => door == Door.Phone ? FreeCalls : FreeChats;

    public FreeAgent Took(Door door) => door == Door.Phone ? this with { FreeCalls = FreeCalls - 1 } : this with { FreeChats = FreeChats - 1 };
}

public sealed record OfferTo(Guid ContactId, Guid AgentId);

/// <summary>
/// Who is offered which contact this round. Front first: each contact goes to the agent the queue's rule prefers among
/// those with its skills and room for one more of its door. A contact no agent can take now is passed over for now,
/// and those behind it that others can take are offered (a contact in English does not hold up the Swedish line).
/// An agent is offered one contact a round, so that a free agent is not handed three chats before they have seen one.
/// A contact about a case goes to the case's owner first when they have room for it, whatever the queue's skills: they
/// know the case, and the customer does not start again (principle 1).
/// </summary>
public static class Routing
{
    public static IReadOnlyList<OfferTo> Offers(IEnumerable<LineEntry> line, IEnumerable<FreeAgent> agents, RoutingRule rule)
    {
        var free = agents.ToList();
        var offers = new List<OfferTo>();
        foreach (var contact in line)
        {
            var candidates = free.Where(a => a.FreeFor(contact.Door) > 0 && a.Skills.Covers(contact.Needs));
            var owner = contact.OwnerFirst is { } ownerId ? free.FirstOrDefault(a => a.UserId == ownerId && a.FreeFor(contact.Door) > 0) : null;
            var chosen = owner ?? rule switch
            {
                RoutingRule.RoundRobin => candidates.OrderBy(a => a.LastOfferedAt ?? DateTimeOffset.MinValue).ThenBy(a => a.UserId).FirstOrDefault(),
                _ => candidates.OrderBy(a => a.IdleSince).ThenBy(a => a.UserId).FirstOrDefault(),
            };
            if (chosen is null)
                continue;
            offers.Add(new OfferTo(contact.ContactId, chosen.UserId));
            free.Remove(chosen);
        }

        return offers;
    }
}
