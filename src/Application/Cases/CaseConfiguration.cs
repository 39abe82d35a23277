using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Moment.Application.Staff;
using Moment.Domain.Cases;
using Moment.Domain.Customers;
using Moment.Domain.Teams;

namespace Moment.Application.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(CaseNumbers.MaxLength);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.CustomerToken).HasMaxLength(64);
        builder.HasIndex(c => c.CustomerToken).IsUnique();
        builder.Property(c => c.Subject).HasMaxLength(Case.SubjectMaxLength);
        builder.Property(c => c.Description).HasMaxLength(Case.DescriptionMaxLength);
        builder.Property(c => c.ProposedResolution).HasMaxLength(Case.ResolutionMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Priority).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.FirstDoor).HasConversion<string>().HasMaxLength(10);
        // Every change bumps Version: a stale write (two people accepting one offer) fails instead of overwriting.
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.OwnerId, c.Status });
        builder.HasIndex(c => new { c.TeamId, c.Status });
        // The desk's lists (ListCases): someone's, a team's and a customer's latest cases, read in index order and stopped
        // at the limit. Without them a team's 10,000 cases were all read and sorted to show 50 (decision 0007).
        builder.HasIndex(c => new { c.OwnerId, c.UpdatedAt });
        builder.HasIndex(c => new { c.TeamId, c.UpdatedAt });
        builder.HasIndex(c => new { c.CustomerId, c.UpdatedAt });
        // SearchCases lists the latest cases that have the words: for a common word ("routern", one case in five) reading
        // the newest first and stopping at 50 beats sorting 200,000 matches (1.2 s at a million); the id breaks ties.
        builder.HasIndex(c => new { c.UpdatedAt, c.Id });
        builder.HasIndex(c => c.ObjectionDeadline);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseType>().WithMany().HasForeignKey(c => c.CaseTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.SameProblemAsCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Timeline).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.HandOffs).WithOne().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Commitments).WithOne().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.HandOffs).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Commitments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(c => c.CoveringForId);
        builder.Ignore(c => c.PendingHandOff);
        builder.Ignore(c => c.IsResolved);
        builder.Ignore(c => c.TimeToFirstResponse);
        builder.Ignore(c => c.TimeToResolution);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("CaseEvents");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Door).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Direction).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Text).HasMaxLength(CaseEvent.TextMaxLength * 2);
        builder.Property(e => e.Reason).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(e => new { e.CaseId, e.Id });
        builder.HasMany(e => e.Changes).WithOne().HasForeignKey(c => c.CaseEventId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CaseFileConfiguration : IEntityTypeConfiguration<CaseFile>
{
    public void Configure(EntityTypeBuilder<CaseFile> builder)
    {
        builder.ToTable("CaseFiles");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.FileName).HasMaxLength(CaseFile.FileNameMaxLength);
        builder.Property(f => f.ContentType).HasMaxLength(127);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.StorageKey).HasMaxLength(CaseFile.FileNameMaxLength);
        builder.HasOne<Case>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(f => f.AddedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.CaseId, f.AddedAt });
    }
}

internal sealed class CaseChangeConfiguration : IEntityTypeConfiguration<CaseChange>
{
    public void Configure(EntityTypeBuilder<CaseChange> builder)
    {
        builder.ToTable("CaseChanges");
        builder.Property(c => c.Field).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.From).HasMaxLength(CaseChange.ValueMaxLength);
        builder.Property(c => c.To).HasMaxLength(CaseChange.ValueMaxLength);
    }
}

internal sealed class HandOffConfiguration : IEntityTypeConfiguration<HandOff>
{
    public void Configure(EntityTypeBuilder<HandOff> builder)
    {
        // The domain makes the id; without this EF would take an offer added to a loaded case for an existing row.
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Summary).HasMaxLength(HandOff.SummaryMaxLength);
        builder.Property(h => h.Reason).HasMaxLength(HandOff.ReasonMaxLength);
        builder.Property(h => h.DeclineReason).HasMaxLength(HandOff.ReasonMaxLength);
        builder.Property(h => h.State).HasConversion<string>().HasMaxLength(10);
        // The ids of the promises the offerer keeps: read with the offer, never queried into (a JSON list, or uuid[] on PostgreSQL).
        builder.Ignore(h => h.OffererKeeps);
        builder.PrimitiveCollection<Guid[]>("_offererKeeps").HasColumnName("OffererKeeps");
        builder.HasIndex(h => new { h.State, h.ExpiresAt });
        builder.HasIndex(h => new { h.ToUserId, h.State });
        builder.HasIndex(h => new { h.ToTeamId, h.State });
    }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.What).HasMaxLength(Commitment.WhatMaxLength);
        builder.Property(c => c.KeptHow).HasMaxLength(CaseEvent.TextMaxLength);
        builder.Property(c => c.WithdrawnReason).HasMaxLength(Commitment.ReasonMaxLength);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.KeeperId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.IsOpen);
        // The deadline sweep looks for open promises past their deadline; a keeper's list for theirs by deadline.
        builder.HasIndex(c => new { c.State, c.Deadline });
        builder.HasIndex(c => new { c.KeeperId, c.State, c.Deadline });
        builder.HasIndex(c => new { c.TeamId, c.State });
    }
}

internal sealed class CaseTypeConfiguration : IEntityTypeConfiguration<CaseType>
{
    public void Configure(EntityTypeBuilder<CaseType> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(CaseType.NameMaxLength);
        builder.HasIndex(t => t.Name).IsUnique();
    }
}
