using System.Globalization;

namespace Moment.Web.Localization;

/// <summary>
/// Dates as people say them ("Monday 7 December", "måndag 7 december"), not as a database writes them: for customers,
/// who must not have to decode 2026-12-07. The year only when it is not this year's. Instants are read on the
/// reader's <see cref="Clock"/>.
/// </summary>
internal static class PlainDates
{
    public static string Day(DateTimeOffset at, Clock clock) => Day(clock.DayOf(at), clock.Today);

    public static string Day(DateOnly day, DateOnly today) =>
        day.ToString(day.Year == today.Year ? "dddd d MMMM" : "dddd d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string DayAndTime(DateTimeOffset at, Clock clock) =>
        $"{Day(at, clock)} {clock.On(at).ToString("HH:mm", CultureInfo.CurrentCulture)}";
}
