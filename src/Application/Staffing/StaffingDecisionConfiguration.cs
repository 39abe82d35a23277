using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Moment.Application.Staff;
using Moment.Domain.Staffing;

namespace Moment.Application.Staffing;

/// <summary>
/// A decision's what-if is frozen as JSON text in one column: it is read and written whole, never queried inside,
/// and text works alike on SQLite and PostgreSQL.
/// </summary>
internal sealed class StaffingDecisionConfiguration : IEntityTypeConfiguration<StaffingDecision>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public void Configure(EntityTypeBuilder<StaffingDecision> builder)
    {
        builder.Property(d => d.Reason).HasMaxLength(StaffingDecision.ReasonMaxLength);
        builder.HasIndex(d => d.DecidedAt);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(d => d.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(d => d.Chosen);
        builder.Property(d => d.WhatIf)
            .HasConversion(
                whatIf => Serialize(whatIf),
                json => Deserialize(json),
                // Frozen: a decision's what-if never changes after it is recorded.
                new ValueComparer<WhatIfResult>((a, b) => ReferenceEquals(a, b), whatIf => whatIf.GetHashCode(), whatIf => whatIf));
    }

    private static string Serialize(WhatIfResult whatIf) => JsonSerializer.Serialize(whatIf, Json);

    private static WhatIfResult Deserialize(string json) =>
        JsonSerializer.Deserialize<WhatIfResult>(json, Json) ?? throw new InvalidOperationException("A staffing decision has no what-if.");
}
