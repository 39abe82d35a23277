using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Cases;

namespace Moment.Application.Notifications;

/// <summary>One piece of news in a person's list: the kind of timeline entry says what, on which case, when; unread or not.</summary>
public sealed record NotificationView(long Id, CaseEventKind Kind, string CaseNumber, string Subject, DateTimeOffset At, bool IsRead);

/// <summary>A person's notifications, newest first, and how many are unread (the header's count).</summary>
public sealed class NotificationViews(AppDbContext db)
{
    public const int PageSize = 100;

    public Task<int> UnreadCountAsync(Guid personId, CancellationToken cancellationToken = default) =>
        db.Notifications.CountAsync(n => n.PersonId == personId && n.ReadAt == null, cancellationToken);

    /// <summary>
    /// The cases a person has unread news on, by number: every list of cases marks them. A person's unread are few (the
    /// index on person and read time finds them), so the set is read once and asked for each row.
    /// </summary>
    public async Task<IReadOnlySet<string>> CasesWithNewsAsync(Guid personId, CancellationToken cancellationToken = default) =>
        (await db.Notifications.AsNoTracking().Where(n => n.PersonId == personId && n.ReadAt == null)
            .Join(db.Cases, n => n.CaseId, c => c.Id, (_, c) => c.Number).Distinct().ToListAsync(cancellationToken))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The latest <see cref="PageSize"/>, newest first; <paramref name="unreadOnly"/> leaves out the read. The next page
    /// is those <paramref name="before"/> the last one's id (keyset: news arriving meanwhile moves nothing).
    /// </summary>
    public async Task<IReadOnlyList<NotificationView>> ListAsync(Guid personId, bool unreadOnly = false, long? before = null, CancellationToken cancellationToken = default)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.PersonId == personId);
        if (unreadOnly)
            mine = mine.Where(n => n.ReadAt == null);
        if (before is { } last)
            mine = mine.Where(n => n.Id < last);
        return await mine.OrderByDescending(n => n.Id).Take(PageSize)
            .Join(db.Cases, n => n.CaseId, c => c.Id, (n, c) => new NotificationView(n.Id, n.Kind, c.Number, c.Subject, n.At, n.ReadAt != null))
            .ToListAsync(cancellationToken);
    }
}
