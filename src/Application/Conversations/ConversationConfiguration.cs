using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Moment.Domain.Cases;
using Moment.Domain.Conversations;
using Moment.Domain.Customers;

namespace Moment.Application.Conversations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Door).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.ExternalId).HasMaxLength(Conversation.ExternalIdMaxLength);
        builder.Property(c => c.DoorData).HasMaxLength(Conversation.DoorDataMaxLength);
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany<ConversationMessage>().WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.CaseId, c.StartedAt });
        // A door finds its thread or call again by its own id when it writes back.
        builder.HasIndex(c => new { c.Door, c.ExternalId });
        builder.HasIndex(c => new { c.CustomerId, c.State });
    }
}

internal sealed class ConversationMessageConfiguration : IEntityTypeConfiguration<ConversationMessage>
{
    public void Configure(EntityTypeBuilder<ConversationMessage> builder)
    {
        builder.ToTable("ConversationMessages");
        builder.Property(m => m.Direction).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Delivery).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Text).HasMaxLength(ConversationMessage.TextMaxLength);
        builder.Property(m => m.Failure).HasMaxLength(ConversationMessage.FailureMaxLength);
        builder.Property(m => m.ExternalId).HasMaxLength(Conversation.ExternalIdMaxLength);
        builder.Property(m => m.SendingBy).HasMaxLength(ConversationMessage.SenderMaxLength);
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(m => new { m.ConversationId, m.Id });
        builder.HasIndex(m => m.ExternalId);
        // The outbox: outbound messages still queued, found by when they may be tried.
        builder.HasIndex(m => new { m.Delivery, m.NextAttemptAt });
    }
}

internal sealed class MessageAttachmentConfiguration : IEntityTypeConfiguration<MessageAttachment>
{
    public void Configure(EntityTypeBuilder<MessageAttachment> builder)
    {
        builder.ToTable("MessageAttachments");
        builder.Property(a => a.FileName).HasMaxLength(MessageAttachment.FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(MessageAttachment.ContentTypeMaxLength);
        builder.Property(a => a.StorageKey).HasMaxLength(MessageAttachment.FileNameMaxLength);
    }
}
