namespace Moment.Domain.Calendar;

/// <summary>
/// When a team is open on one weekday, in the calendar's local time. <see cref="Closes"/> at 00:00 means midnight at the
/// end of the day, so 00:00–00:00 is open around the clock. Hours across midnight are two entries, one per weekday.
/// </summary>
public sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);
