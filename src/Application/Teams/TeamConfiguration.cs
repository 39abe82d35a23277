using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Moment.Application.Staff;
using Moment.Domain.Calendar;
using Moment.Domain.Teams;

namespace Moment.Application.Teams;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Team.NameMaxLength);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.Property(t => t.Door).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(t => t.TeamLeadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(t => t.ResponsibleManagerId).OnDelete(DeleteBehavior.Restrict);
        // The calendar is read and changed as a whole, never queried into: one JSON column on both databases.
        builder.Property(t => t.Calendar)
            .HasConversion(
                calendar => JsonSerializer.Serialize(calendar, CalendarJson),
                // Teams from before calendars existed have an empty column: they keep the Swedish default.
                json => json == "" ? BusinessCalendarSettings.Swedish : JsonSerializer.Deserialize<BusinessCalendarSettings>(json, CalendarJson) ?? BusinessCalendarSettings.Swedish,
                new ValueComparer<BusinessCalendarSettings>(
                    (a, b) => JsonSerializer.Serialize(a, CalendarJson) == JsonSerializer.Serialize(b, CalendarJson),
                    calendar => JsonSerializer.Serialize(calendar, CalendarJson).GetHashCode(StringComparison.Ordinal),
                    calendar => calendar))
            .HasMaxLength(4000);
    }

    private static readonly JsonSerializerOptions CalendarJson = new(JsonSerializerDefaults.Web);
}
