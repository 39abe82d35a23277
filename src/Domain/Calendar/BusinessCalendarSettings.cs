namespace Moment.Domain.Calendar;

/// <summary>
/// The plain data a team's <see cref="BusinessCalendar"/> is made from, so that it can be stored and edited as it is.
/// The defaults are the Swedish business calendar: Europe/Stockholm, Monday to Friday 08:00–17:00, closed on public
/// and de-facto holidays.
/// </summary>
public sealed record BusinessCalendarSettings
{
    public static BusinessCalendarSettings Swedish { get; } = new();

    /// <summary>An IANA (or Windows) time zone id; opening hours and closed dates are in this zone's local time.</summary>
    public string TimeZoneId { get; init; } = "Europe/Stockholm";

    /// <summary>At most one entry per weekday; a weekday without one is closed.</summary>
    public IReadOnlyList<OpeningHours> OpeningHours { get; init; } =
    [
        .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(day => new OpeningHours(day, new TimeOnly(8, 0), new TimeOnly(17, 0))),
    ];

    /// <summary>Closed on the allmänna helgdagar (<see cref="HolidayKind.PublicHoliday"/>).</summary>
    public bool ClosedOnPublicHolidays { get; init; } = true;

    /// <summary>Closed on julafton, nyårsafton and midsommarafton (<see cref="HolidayKind.DeFactoHoliday"/>).</summary>
    public bool ClosedOnDeFactoHolidays { get; init; } = true;

    /// <summary>Further local dates the team is closed, such as a day between holidays (klämdag).</summary>
    public IReadOnlyList<DateOnly> ExtraClosedDates { get; init; } = [];
}
