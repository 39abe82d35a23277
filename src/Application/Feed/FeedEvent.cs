using Moment.Domain.Cases;

namespace Moment.Application.Feed;

/// <summary>
/// Where a subscriber is in the feed: the last event it handled. On PostgreSQL the feed is ordered by the writing
/// transaction, then the event id (see <see cref="CaseEventFeed"/>); on SQLite the transaction is always 0.
/// </summary>
public readonly record struct FeedPosition(long Transaction, long EventId)
{
    public static readonly FeedPosition Start = new(0, 0);
}

/// <summary>
/// One entry of a case's timeline as the feed hands it to subscribers: what happened, and whatever deciding who is told
/// needs (the case's number and owner now, the person and team the entry is about, the offer or promise it concerns).
/// </summary>
public sealed record FeedEvent(
    FeedPosition Position,
    Guid CaseId,
    string CaseNumber,
    Guid CaseOwnerId,
    CaseEventKind Kind,
    DateTimeOffset At,
    Guid? ActorId,
    Guid? SubjectUserId,
    Guid? SubjectTeamId,
    Guid? HandOffId,
    Guid? CommitmentId,
    Guid? CoveringForId,
    bool IsPublic)
{
    public long Id => Position.EventId;
}

/// <summary>
/// Something that acts on what happens to cases (tells people live, later: sends email, calls webhooks). Each has its own
/// checkpoint and gets every event at least once, in feed order, in batches; it must bear seeing a batch again after a
/// failure or a crash. <see cref="Name"/> names its checkpoint: renaming a subscriber starts it afresh at the end of the feed.
/// </summary>
public interface IFeedSubscriber
{
    string Name { get; }

    Task HandleAsync(IReadOnlyList<FeedEvent> batch, CancellationToken cancellationToken);
}
