using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Moment.Application.Staff;
using Moment.Domain.Cases;
using Moment.Domain.Notifications;

namespace Moment.Application.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Ignore(n => n.IsRead);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        // The feed delivers at least once: the same news again finds its notification already there.
        builder.HasIndex(n => new { n.PersonId, n.CaseEventId, n.Kind }).IsUnique();
        // What the feed's batch of news already notified (RecordNotifications) is asked by event alone: without this index
        // every batch read the whole table (seen in the email benchmark's statements, growing with the table).
        builder.HasIndex(n => n.CaseEventId);
        // The header's count and the list: a person's unread, newest first.
        builder.HasIndex(n => new { n.PersonId, n.ReadAt, n.Id });
    }
}
