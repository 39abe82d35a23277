using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Feed;
using Moment.Domain.Notifications;

namespace Moment.Application.Notifications;

/// <summary>
/// Writes each person's news into their notification list as it goes out (the feed's <c>live</c> subscriber calls this
/// before it tells their browsers, so that the count a browser asks for then includes it). Who is told is decided once,
/// by <see cref="WhoIsTold"/>; a batch delivered again adds nothing.
/// </summary>
public sealed class RecordNotifications(AppDbContext db)
{
    public async Task HandleAsync(IReadOnlyList<News> news, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(news);
        if (news.Count == 0)
            return;
        var eventIds = news.Select(n => n.EventId).Distinct().ToList();
        var known = (await db.Notifications.AsNoTracking().Where(n => eventIds.Contains(n.CaseEventId))
            .Select(n => new { n.PersonId, n.CaseEventId, n.Kind }).ToListAsync(cancellationToken))
            .Select(n => (n.PersonId, n.CaseEventId, n.Kind)).ToHashSet();
        foreach (var item in news)
        {
            foreach (var person in item.People.Where(p => !known.Contains((p, item.EventId, item.Kind))))
                db.Notifications.Add(Notification.Of(person, item.CaseId, item.Kind, item.EventId, item.At));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
