using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Moment.Application.Staff;
using Moment.Domain.Cases;
using Moment.Domain.Mandates;
using Moment.Domain.Teams;

namespace Moment.Application.Mandates;

internal sealed class AuthorityLimitConfiguration : IEntityTypeConfiguration<AuthorityLimit>
{
    public void Configure(EntityTypeBuilder<AuthorityLimit> builder)
    {
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(l => l.Role).HasMaxLength(AuthorityLimit.RoleMaxLength);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(l => l.SetById).OnDelete(DeleteBehavior.Restrict);
        // One limit per role and kind, one exception per person and kind.
        builder.HasIndex(l => new { l.Role, l.Kind }).IsUnique().HasFilter("\"Role\" IS NOT NULL");
        builder.HasIndex(l => new { l.UserId, l.Kind }).IsUnique().HasFilter("\"UserId\" IS NOT NULL");
    }
}

internal sealed class MandateUseConfiguration : IEntityTypeConfiguration<MandateUse>
{
    public void Configure(EntityTypeBuilder<MandateUse> builder)
    {
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(u => u.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.What).HasMaxLength(MandateUse.WhatMaxLength);
        builder.Ignore(u => u.CountsAgainstLimits);
        builder.HasOne<Case>().WithMany().HasForeignKey(u => u.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(u => u.UsedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(u => u.AskedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.SetNull);
        // The month's limit reads one person's uses in a month; the report reads a month.
        builder.HasIndex(u => new { u.UsedById, u.Kind, u.At });
        builder.HasIndex(u => u.At);
    }
}
