using Moment.Domain.Cases;

namespace Moment.Domain.Queues;

/// <summary>What an agent says they are doing: only an available agent is offered contacts.</summary>
public enum Presence
{
    Available,

    /// <summary>At work on something else (a meeting, a long case): offered nothing.</summary>
    Busy,

    /// <summary>Not at the desk; also where Moment puts an agent who let an offer lapse, so the next one goes elsewhere.</summary>
    Away,

    /// <summary>Finishing the notes of the last contact: offered nothing until available again.</summary>
    WrapUp,
}

/// <summary>
/// An agent at the queue: their presence, skills, how many contacts of each door they take at once, and the times the
/// routing rules compare (free since, last offered).
/// </summary>
public sealed class AgentPresence
{
    public const int DefaultChatCapacity = 3;

    public const int DefaultCallCapacity = 1;

    public const int MaxCapacity = 10;

    private AgentPresence()
    {
    }

    /// <summary>The member of staff (one row per person).</summary>
    public Guid UserId { get; private set; }

    public Presence State { get; private set; }

    public DateTimeOffset Since { get; private set; }

    /// <summary>When the agent last became free to take a contact: longest idle is the earliest.</summary>
    public DateTimeOffset IdleSince { get; private set; }

    /// <summary>When the agent was last offered a contact: round robin offers to the earliest.</summary>
    public DateTimeOffset? LastOfferedAt { get; private set; }

    public Skills Skills { get; private set; } = Skills.None;

    public int ChatCapacity { get; private set; } = DefaultChatCapacity;

    public int CallCapacity { get; private set; } = DefaultCallCapacity;

    /// <summary>Offers the agent let lapse, all time: shown to the agent and their team lead, never as a ranking.</summary>
    public int Lapses { get; private set; }

    public int Version { get; private set; }

    public static AgentPresence For(Guid userId, Skills skills, DateTimeOffset now) => new()
    {
        UserId = userId,
        State = Presence.Away,
        Since = now,
        IdleSince = now,
        Skills = skills,
    };

    public void Set(Presence state, DateTimeOffset now)
    {
        if (state == State)
            return;
        // Coming back counts as becoming free: an agent back from a break is not at the front of the idle line.
        if (state == Presence.Available)
            IdleSince = now;
        State = state;
        Since = now;
        Version++;
    }

    public void Equip(Skills skills, int chatCapacity, int callCapacity)
    {
        if (chatCapacity is < 1 or > MaxCapacity)
            throw new DomainRuleException("An agent takes between 1 and {0} chats at once.", "ChatCapacity", MaxCapacity);
        if (callCapacity is < 1 or > 1)
            throw new DomainRuleException("An agent takes one call at a time.", "CallCapacity");
        Skills = skills;
        ChatCapacity = chatCapacity;
        CallCapacity = callCapacity;
        Version++;
    }

    public int CapacityFor(Door door) => door == Door.Phone ? CallCapacity : ChatCapacity;

    public void Offered(DateTimeOffset now)
    {
        LastOfferedAt = now;
        Version++;
    }

    /// <summary>The offer went unanswered: the agent is set away, so the contact and the next ones go to someone present.</summary>
    public void Lapsed(DateTimeOffset now)
    {
        Lapses++;
        Set(Presence.Away, now);
        Version++;
    }

    /// <summary>A contact the agent had ended: if that left them free, they are free from now.</summary>
    public void Freed(DateTimeOffset now)
    {
        IdleSince = now;
        Version++;
    }
}
