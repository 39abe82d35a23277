using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Moment.Application.Staff;
using Moment.Domain.Macros;
using Moment.Domain.Teams;

namespace Moment.Application.Macros;

internal sealed class MacroConfiguration : IEntityTypeConfiguration<Macro>
{
    public void Configure(EntityTypeBuilder<Macro> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(Macro.NameMaxLength);
        builder.Property(m => m.Body).HasMaxLength(Macro.BodyMaxLength);
        builder.Property(m => m.Language).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Use).HasConversion<string>().HasMaxLength(24);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.IsPersonal);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(m => m.CreatedById).OnDelete(DeleteBehavior.Restrict);
        // A macro is a person's or a team's, never both nor neither.
        builder.ToTable(t => t.HasCheckConstraint("CK_Macros_OwnerOrTeam", "(\"OwnerId\" IS NULL) <> (\"TeamId\" IS NULL)"));
        builder.HasIndex(m => m.OwnerId);
        builder.HasIndex(m => m.TeamId);
    }
}
