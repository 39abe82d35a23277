using Moment.Domain.Cases;

namespace Moment.Domain.Conversations;

public enum ConversationState
{
    Open,
    Closed,
}

/// <summary>
/// A chat, an email thread or a call: the messages exchanged through one door, with its own identity, linked to a case
/// but outside the <see cref="Case"/> aggregate. A message never changes the case, so it never bumps the case's version
/// and never turns an agent's parallel action on the case (a hand-off, a note) into a conflict.
/// </summary>
public sealed class Conversation
{
    /// <summary>A door's own id for a thread or a call (an email's Message-ID, a call's SID) is never longer than this.</summary>
    public const int ExternalIdMaxLength = 255;

    /// <summary>What a door keeps beside the conversation (call legs, a mailbox) as JSON; never queried into.</summary>
    public const int DoorDataMaxLength = 8000;

    private Conversation()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The case; none while the conversation waits in a queue, since a case is opened when a person takes it.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>The customer; none while an unknown customer waits in a queue.</summary>
    public Guid? CustomerId { get; private set; }

    public Door Door { get; private set; }

    public ConversationState State { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The door's own id of the thread or call, to find the conversation again when the door writes back.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>Door-specific data (call legs, the mailbox a thread came to) as JSON, which only that door reads.</summary>
    public string? DoorData { get; private set; }

    public static Conversation Start(Guid caseId, Guid customerId, Door door, string? externalId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        CaseId = caseId,
        CustomerId = customerId,
        Door = door,
        State = ConversationState.Open,
        StartedAt = now,
        ExternalId = Text.Optional(externalId, "ExternalId", ExternalIdMaxLength),
    };

    /// <summary>
    /// A conversation a customer starts at a door with no person behind it yet (a web chat in the queue): its messages
    /// are kept from the first, and it lands on a case when a person takes it, so the customer never repeats themselves.
    /// A call waiting in line has the provider's id of the call.
    /// </summary>
    public static Conversation Waiting(Door door, DateTimeOffset now, string? externalId = null) => new()
    {
        Id = Guid.NewGuid(),
        Door = door,
        State = ConversationState.Open,
        StartedAt = now,
        ExternalId = Text.Optional(externalId, "ExternalId", ExternalIdMaxLength),
    };

    /// <summary>The person who took it opened or chose the case it belongs to from now on.</summary>
    public void LandOn(Guid caseId, Guid customerId)
    {
        if (CaseId is { } already && already != caseId)
            throw new ConflictException("This conversation is already on another case.");
        CaseId = caseId;
        CustomerId = customerId;
    }

    /// <summary>
    /// A message in or out. It is a row of its own, added without loading the others: two agents writing in one chat
    /// at the same moment both succeed.
    /// </summary>
    public ConversationMessage Write(ContactDirection direction, Guid? authorId, string text, string? externalId, DateTimeOffset now)
    {
        if (State == ConversationState.Closed)
            throw new ConflictException("This conversation has ended. Start a new one on the case.");
        return ConversationMessage.Of(Id, direction, authorId, text, externalId, now);
    }

    public void KeepDoorData(string? json) => DoorData = Text.Optional(json, "DoorData", DoorDataMaxLength);

    public void Close(DateTimeOffset now)
    {
        if (State == ConversationState.Closed)
            return;
        State = ConversationState.Closed;
        ClosedAt = now;
    }
}
