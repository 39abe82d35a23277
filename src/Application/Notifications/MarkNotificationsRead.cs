using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;

namespace Moment.Application.Notifications;

/// <summary>Marks a person's own notifications read: one, or (no id) all of them. Someone else's are not theirs to mark: not found.</summary>
public sealed class MarkNotificationsRead(AppDbContext db, TimeProvider time)
{
    public async Task<int> HandleAsync(Guid personId, long? id, CancellationToken cancellationToken = default)
    {
        var unread = db.Notifications.Where(n => n.PersonId == personId && n.ReadAt == null);
        if (id is { } one)
        {
            if (!await db.Notifications.AnyAsync(n => n.Id == one && n.PersonId == personId, cancellationToken))
                throw new NotFoundException("There is no such notification.");
            unread = unread.Where(n => n.Id == one);
        }

        return await MarkAsync(unread, cancellationToken);
    }

    /// <summary>The person opened the case: its news is read, as a mail is once opened. Nothing is written when there is none.</summary>
    public Task<int> OnCaseAsync(Guid personId, Guid caseId, CancellationToken cancellationToken = default) =>
        MarkAsync(db.Notifications.Where(n => n.PersonId == personId && n.ReadAt == null && n.CaseId == caseId), cancellationToken);

    private async Task<int> MarkAsync(IQueryable<Domain.Notifications.Notification> unread, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var marked = await unread.ToListAsync(cancellationToken);
        foreach (var notification in marked)
            notification.MarkRead(now);
        if (marked.Count > 0)
            await db.SaveChangesAsync(cancellationToken);
        return marked.Count;
    }
}
