namespace Moment.Domain.Cases;

public enum CaseEventKind
{
    Created,
    Contact,
    InternalNote,
    PublicReply,
    HandOffOffered,
    HandOffAccepted,
    HandOffDeclined,
    HandOffExpired,
    Reassigned,
    Escalated,
    ResolutionProposed,
    ResolutionConfirmed,
    ResolutionObjected,
    ResolvedBySilence,
    Reopened,
    LinkedAsSameProblem,
    CommitmentMade,
    CommitmentKept,
    CommitmentKeptLate,
    CommitmentBroken,
    CommitmentWithdrawn,
    ManagerRequested,
    ConsentGiven,
    CoverStarted,
    CoverEnded,

    /// <summary>A member of staff recorded the customer's "yes, it is solved", given to them (on the phone, at the counter).</summary>
    CustomerConfirmationRecorded,

    /// <summary>A member of staff recorded the customer's "no, it is not solved", given to them.</summary>
    CustomerObjectionRecorded,

    /// <summary>A promise went with the case to the receiver of a hand-off, who keeps it now.</summary>
    CommitmentHandedOff,

    /// <summary>Someone used their mandate on the case (principle 4), or asked a named person with a larger one (the subject).</summary>
    MandateUsed,

    /// <summary>Someone corrected the case's subject, type, priority or team: <see cref="CaseEvent.Changes"/> says what, the text why.</summary>
    Edited,

    /// <summary>A member of staff put a file on the case (<see cref="CaseEvent.FileId"/>), with what it shows as the text, if they said.</summary>
    FileAttached,

    /// <summary>An internal note mentioned a colleague (the subject, with <see cref="Mentions"/>), who is told; the owner stays.</summary>
    Mentioned,
}

/// <summary>
/// Why Moment itself wrote an entry, for the entries it writes without a person's words (an escalation, a reopening).
/// Stored instead of an English sentence, so that every reader sees it in their own language.
/// </summary>
public enum CaseEventReason
{
    /// <summary>Escalated after <see cref="CaseEvent.Count"/> hand-offs.</summary>
    HandOffs,

    /// <summary>Escalated after <see cref="CaseEvent.Count"/> declined or unanswered offers.</summary>
    Declines,

    /// <summary>Reopened by a repeat contact about the same problem.</summary>
    RepeatContact,

    /// <summary>Reopened because the customer says it is not solved.</summary>
    NotSolved,

    /// <summary>An agent took the customer's callback from the queue, and with it the case and its promise.</summary>
    TakenFromQueue,
}

/// <summary>
/// One entry of a case's timeline: what happened, who did it (none for the customer or the system), when.
/// The timeline is append-only: entries are never changed or removed.
/// </summary>
public sealed class CaseEvent
{
    public const int TextMaxLength = 4000;

    private readonly List<CaseChange> _changes = [];

    private CaseEvent()
    {
    }

    public long Id { get; private set; }

    public Guid CaseId { get; private set; }

    public CaseEventKind Kind { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The member of staff who acted; null when the customer or the system did.</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>What a person wrote (a contact's summary, a note, a reason); null when Moment wrote the entry.</summary>
    public string? Text { get; private set; }

    /// <summary>Why Moment wrote the entry, said in the reader's language with <see cref="Count"/>.</summary>
    public CaseEventReason? Reason { get; private set; }

    /// <summary>The number <see cref="Reason"/> speaks of (how many hand-offs), when it speaks of one.</summary>
    public int? Count { get; private set; }

    /// <summary>Whether the customer sees this entry on their case page.</summary>
    public bool IsPublic { get; private set; }

    public Door? Door { get; private set; }

    public ContactDirection? Direction { get; private set; }

    public Guid? HandOffId { get; private set; }

    /// <summary>The person the event is about: the new owner, the one offered to.</summary>
    public Guid? SubjectUserId { get; private set; }

    public Guid? SubjectTeamId { get; private set; }

    /// <summary>The other case, for links between cases about the same problem.</summary>
    public Guid? OtherCaseId { get; private set; }

    public Guid? CommitmentId { get; private set; }

    /// <summary>The person who is away, when a stand-in takes over or gives back their work.</summary>
    public Guid? CoveringForId { get; private set; }

    /// <summary>The conversation message that carried the entry to or from the customer (a reply sent by email), if one did.</summary>
    public long? MessageId { get; private set; }

    /// <summary>The file put on the case (<see cref="CaseEventKind.FileAttached"/>).</summary>
    public Guid? FileId { get; private set; }

    /// <summary>What an edit changed, from what to what; empty for every other entry.</summary>
    public IReadOnlyList<CaseChange> Changes => _changes;

    internal static CaseEvent Of(Guid caseId, CaseEventKind kind, DateTimeOffset at, Guid? actorId, string? text = null, bool isPublic = false) =>
        new() { CaseId = caseId, Kind = kind, At = at, ActorId = actorId, Text = text, IsPublic = isPublic };

    internal CaseEvent WithContact(Door door, ContactDirection direction)
    {
        Door = door;
        Direction = direction;
        return this;
    }

    internal CaseEvent Showing(CaseFile file)
    {
        FileId = file.Id;
        return this;
    }

    internal CaseEvent CarriedBy(long? messageId)
    {
        MessageId = messageId;
        return this;
    }

    internal CaseEvent Changing(IEnumerable<CaseChange> changes)
    {
        _changes.AddRange(changes);
        return this;
    }

    internal CaseEvent Because(CaseEventReason reason, int? count = null)
    {
        Reason = reason;
        Count = count;
        return this;
    }

    internal CaseEvent About(Guid? userId, Guid? teamId = null, Guid? handOffId = null, Guid? otherCaseId = null)
    {
        SubjectUserId = userId;
        SubjectTeamId = teamId;
        HandOffId = handOffId;
        OtherCaseId = otherCaseId;
        return this;
    }

    internal CaseEvent AboutCommitment(Commitment commitment)
    {
        SubjectUserId = commitment.KeeperId;
        SubjectTeamId = commitment.TeamId;
        CommitmentId = commitment.Id;
        return this;
    }

    internal CaseEvent Covering(Guid awayId, Guid standInId, Guid? handOffId = null, Guid? commitmentId = null)
    {
        SubjectUserId = standInId;
        CoveringForId = awayId;
        HandOffId = handOffId;
        CommitmentId = commitmentId;
        return this;
    }
}
