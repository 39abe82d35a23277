using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Moment.Application.Staff;
using Moment.Domain.Cases;
using Moment.Domain.KnownIssues;

namespace Moment.Application.KnownIssues;

internal sealed class KnownIssueConfiguration : IEntityTypeConfiguration<KnownIssue>
{
    public void Configure(EntityTypeBuilder<KnownIssue> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(KnownIssue.TitleMaxLength);
        builder.Property(i => i.Product).HasMaxLength(KnownIssue.ProductMaxLength);
        builder.Property(i => i.Symptoms).HasMaxLength(KnownIssue.SymptomsMaxLength);
        builder.Property(i => i.Workaround).HasMaxLength(KnownIssue.WorkaroundMaxLength);
        builder.Property(i => i.PublicWording).HasMaxLength(KnownIssue.PublicWordingMaxLength);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.IsActive);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(i => i.RegisteredById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.Status);
    }
}

internal sealed class KnownIssueLinkConfiguration : IEntityTypeConfiguration<KnownIssueLink>
{
    public void Configure(EntityTypeBuilder<KnownIssueLink> builder)
    {
        builder.HasOne<KnownIssue>().WithMany().HasForeignKey(l => l.KnownIssueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(l => l.LinkedById).OnDelete(DeleteBehavior.Restrict);
        // One tap links a case once; a second tap (or a second person) finds the link already there.
        builder.HasIndex(l => new { l.KnownIssueId, l.CaseId }).IsUnique();
        builder.HasIndex(l => l.CaseId);
    }
}
