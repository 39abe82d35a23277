namespace Moment.Domain.Cases;

public enum HandOffState
{
    Pending,
    Accepted,
    Declined,
    Expired,
}

/// <summary>
/// A warm transfer (principle 2): the owner offers the case to a person or a team with a summary for the receiver.
/// The offerer stays owner until the receiver accepts. Answered once: accepted, declined (with a reason) or expired.
/// </summary>
public sealed class HandOff
{
    public const int SummaryMaxLength = 2000;
    public const int ReasonMaxLength = 500;

    private Guid[] _offererKeeps = [];

    private HandOff()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid OfferedById { get; private set; }

    /// <summary>The person offered to; null when offered to a team.</summary>
    public Guid? ToUserId { get; private set; }

    /// <summary>The team offered to; null when offered to a person.</summary>
    public Guid? ToTeamId { get; private set; }

    /// <summary>For the receiver: what the customer needs, what is done, what is left.</summary>
    public string Summary { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public DateTimeOffset OfferedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public HandOffState State { get; private set; }

    public Guid? AnsweredById { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public string? DeclineReason { get; private set; }

    /// <summary>The offerer's open promises on the case that stay with the offerer on accept; their other open promises go to the receiver.</summary>
    public IReadOnlyList<Guid> OffererKeeps => _offererKeeps;

    internal static HandOff Offer(
        Guid caseId, Guid offeredById, Guid? toUserId, Guid? toTeamId, string summary, string reason, DateTimeOffset now, DateTimeOffset expiresAt,
        IReadOnlyCollection<Guid> offererKeeps) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            OfferedById = offeredById,
            ToUserId = toUserId,
            ToTeamId = toTeamId,
            Summary = summary,
            Reason = reason,
            OfferedAt = now,
            ExpiresAt = expiresAt,
            State = HandOffState.Pending,
            _offererKeeps = [.. offererKeeps],
        };

    /// <summary>Whether this person (in this team) is the one the offer is addressed to.</summary>
    public bool IsAddressedTo(Guid userId, Guid? teamId) =>
        ToUserId is { } user ? user == userId : ToTeamId is { } team && team == teamId;

    public bool IsExpiredAt(DateTimeOffset now) => State == HandOffState.Pending && now >= ExpiresAt;

    /// <summary>The person offered to is away: their stand-in answers instead.</summary>
    internal void Readdress(Guid standInId) => ToUserId = standInId;

    internal void Answer(HandOffState state, Guid? answeredById, DateTimeOffset now, string? declineReason = null)
    {
        State = state;
        AnsweredById = answeredById;
        AnsweredAt = now;
        DeclineReason = declineReason;
    }
}
