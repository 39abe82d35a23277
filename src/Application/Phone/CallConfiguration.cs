using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Moment.Domain.Phone;
using Moment.Domain.Queues;

namespace Moment.Application.Phone;

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.ToTable("Calls");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ProviderCallId).HasMaxLength(Call.ProviderCallIdMaxLength);
        builder.Property(c => c.Direction).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.From).HasMaxLength(Call.NumberMaxLength);
        builder.Property(c => c.To).HasMaxLength(Call.NumberMaxLength);
        builder.Property(c => c.Language).HasMaxLength(2);
        builder.Property(c => c.Failure).HasMaxLength(Call.FailureMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.HasEnded);
        // The provider's id names one call: its first webhook sent twice logs it once.
        builder.HasIndex(c => c.ProviderCallId).IsUnique();
        builder.HasIndex(c => c.ContactId);
        builder.HasOne<Queue>().WithMany().HasForeignKey(c => c.QueueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WaitingContact>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CallStepConfiguration : IEntityTypeConfiguration<CallStep>
{
    public void Configure(EntityTypeBuilder<CallStep> builder)
    {
        builder.ToTable("CallSteps");
        builder.Property(s => s.ProviderCallId).HasMaxLength(Call.ProviderCallIdMaxLength);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Detail).HasMaxLength(CallStep.DetailMaxLength);
        // Each step once per turn: a webhook the provider sends again finds its step taken and changes nothing.
        builder.HasIndex(s => new { s.ProviderCallId, s.Kind, s.Turn }).IsUnique();
        builder.HasIndex(s => new { s.CallId, s.Kind });
        builder.HasOne<Call>().WithMany().HasForeignKey(s => s.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}
