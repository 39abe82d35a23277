using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Moment.Application.Staff;
using Moment.Domain.Phone;

namespace Moment.Application.Phone;

internal sealed class PbxCallConfiguration : IEntityTypeConfiguration<PbxCall>
{
    public void Configure(EntityTypeBuilder<PbxCall> builder)
    {
        builder.ToTable("PbxCalls");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.CallId).HasMaxLength(PbxCall.CallIdMaxLength);
        builder.Property(c => c.Direction).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.From).HasMaxLength(PbxCall.NumberMaxLength);
        builder.Property(c => c.To).HasMaxLength(PbxCall.NumberMaxLength);
        builder.Property(c => c.CustomerNumber).HasMaxLength(20);
        builder.Property(c => c.Extension).HasMaxLength(StaffUser.ExtensionMaxLength);
        builder.Property(c => c.EndCause).HasMaxLength(PbxCall.CauseMaxLength);
        builder.Property(c => c.LoggedOn).HasMaxLength(20);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Missed);
        builder.Ignore(c => c.Talked);
        // A retried event finds its call by the PBX's id; two events of a new call at once cannot make two calls.
        builder.HasIndex(c => c.CallId).IsUnique();
        // The desk asks for one person's calls not yet logged.
        builder.HasIndex(c => new { c.AgentId, c.StartedAt });
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.AgentId).OnDelete(DeleteBehavior.SetNull);
    }
}
