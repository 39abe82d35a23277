using System.Globalization;

namespace Moment.Web.Localization;

/// <summary>
/// The clock a reader reads times on, and the moment the page was loaded on it. Every time a page prints goes through
/// one, never through the server's own zone: an agent at 02:31 must not read "answer before 02:01" because the
/// server runs on UTC. Pages get one from <see cref="Clocks"/> and pass it to their parts.
/// </summary>
public sealed class Clock(TimeZoneInfo zone, DateTimeOffset now)
{
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>When the page was loaded, on this clock.</summary>
    public DateTimeOffset Now { get; } = TimeZoneInfo.ConvertTime(now, zone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>The same instant on this clock (its offset is this zone's at that instant).</summary>
    public DateTimeOffset On(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(On(instant).DateTime);

    /// <summary>The time of day ("14:05"), with the date in front when it is not today on this clock ("03/12/2026 14:05").</summary>
    public string Time(DateTimeOffset instant) =>
        DayOf(instant) == Today ? On(instant).ToString("t", CultureInfo.CurrentCulture) : DateAndTime(instant);

    /// <summary>The short date and time, for tables and logs where rows are compared ("02/12/2026 14:05").</summary>
    public string DateAndTime(DateTimeOffset instant) => On(instant).ToString("g", CultureInfo.CurrentCulture);

    public string Date(DateTimeOffset instant) => On(instant).ToString("d", CultureInfo.CurrentCulture);
}
