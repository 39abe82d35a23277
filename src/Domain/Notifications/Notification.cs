using Moment.Domain.Cases;

namespace Moment.Domain.Notifications;

/// <summary>
/// One piece of news in a person's notification list: what happened on which case (the kind of timeline entry, the
/// latest entry it tells of), unread until they mark it read. Written when the news goes out, from the same decision of
/// who is told as the live notice, so that the list and the notice never disagree.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public long Id { get; private set; }

    /// <summary>The member of staff who is told.</summary>
    public Guid PersonId { get; private set; }

    public Guid CaseId { get; private set; }

    public CaseEventKind Kind { get; private set; }

    /// <summary>The latest timeline entry the news tells of: with <see cref="PersonId"/>, what makes a second delivery of the same news no second notification.</summary>
    public long CaseEventId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    public static Notification Of(Guid personId, Guid caseId, CaseEventKind kind, long caseEventId, DateTimeOffset at) =>
        new() { PersonId = personId, CaseId = caseId, Kind = kind, CaseEventId = caseEventId, At = at };

    /// <summary>Read once: marking it again keeps the first time.</summary>
    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
