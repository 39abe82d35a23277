using System.Globalization;

namespace Moment.Web.Localization;

/// <summary>
/// Dates as people say them ("Monday 7 December", "måndag 7 december"), not as a database writes them: for customers,
/// who must not have to decode 2026-12-07. The year only when it is not this year's.
/// </summary>
internal static class PlainDates
{
    public static string Day(DateTimeOffset at, DateTimeOffset now) => Day(DateOnly.FromDateTime(at.DateTime), DateOnly.FromDateTime(now.DateTime));

    public static string Day(DateOnly day, DateOnly today) =>
        day.ToString(day.Year == today.Year ? "dddd d MMMM" : "dddd d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string DayAndTime(DateTimeOffset at, DateTimeOffset now) =>
        $"{Day(at, now)} {at.ToString("HH:mm", CultureInfo.CurrentCulture)}";
}
