using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Moment.Application.Staff;
using Moment.Domain.Cases;
using Moment.Domain.Teams;

namespace Moment.Application.Views;

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Name).HasMaxLength(SavedView.NameMaxLength);
        builder.Property(v => v.View).HasConversion<string>().HasMaxLength(30);
        builder.Property(v => v.Sort).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Priority).HasConversion<string>().HasMaxLength(10);
        builder.Property(v => v.Door).HasConversion<string>().HasMaxLength(10);
        builder.Ignore(v => v.Filter);
        builder.HasIndex(v => new { v.UserId, v.Name }).IsUnique();
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CaseType>().WithMany().HasForeignKey(v => v.CaseTypeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Team>().WithMany().HasForeignKey(v => v.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}
