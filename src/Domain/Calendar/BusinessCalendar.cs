namespace Moment.Domain.Calendar;

/// <summary>
/// When a team is open, and when a promise made to a customer falls due (PRODUCT.md principle 6): opening hours per
/// weekday in the team's time zone, closed on holidays and on extra closed dates. Immutable.
/// </summary>
/// <remarks>
/// Instants in and out are <see cref="DateTimeOffset"/>s; every instant returned is in UTC. Opening hours are local wall
/// time, so an 08:00 opening is 07:00 UTC in winter and 06:00 UTC in summer. A local time that the clocks skip when
/// daylight saving starts is read as the same time after the jump (02:30 is 03:30); a local time that occurs twice when
/// it ends is read as the first of the two. An opening interval includes its opening and excludes its closing instant.
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>The furthest a promise may be made in business days: about a year.</summary>
    public const int MaxBusinessDays = 250;

    /// <summary>The most open time a promise may be made in: a year of round-the-clock opening.</summary>
    public static readonly TimeSpan MaxBusinessHours = TimeSpan.FromDays(365);

    /// <summary>The longest time zone id there is ("America/Argentina/ComodRivadavia") with room to spare.</summary>
    public const int TimeZoneIdMaxLength = 64;

    /// <summary>Days between holidays for a couple of years; the calendar is stored whole, in one column.</summary>
    public const int MaxExtraClosedDates = 100;

    private readonly OpeningHours?[] _hoursByDay = new OpeningHours?[7];
    private readonly HashSet<DateOnly> _extraClosedDates;

    public BusinessCalendar(BusinessCalendarSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.TimeZoneId)
            || settings.TimeZoneId.Length > TimeZoneIdMaxLength
            || !TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZoneId, out var timeZone))
            throw new DomainRuleException("'{0}' is not a known time zone.", "TimeZoneId", settings.TimeZoneId);
        foreach (var hours in settings.OpeningHours)
        {
            if (!Enum.IsDefined(hours.Day))
                throw new DomainRuleException("Opening hours must name a weekday.", "OpeningHours");
            if (_hoursByDay[(int)hours.Day] is not null)
                throw new DomainRuleException("{0} has opening hours twice.", "OpeningHours", hours.Day);
            if (hours.Closes <= hours.Opens && hours.Closes != TimeOnly.MinValue)
                throw new DomainRuleException("On {0} the closing time must be after the opening time (00:00 closes at midnight).", "OpeningHours", hours.Day);
            _hoursByDay[(int)hours.Day] = hours;
        }

        if (settings.ExtraClosedDates.Count > MaxExtraClosedDates)
            throw new DomainRuleException("A business calendar may have at most {0} extra closed dates.", "ExtraClosedDates", MaxExtraClosedDates);

        // Without one open weekday no deadline could ever be found.
        if (_hoursByDay.All(hours => hours is null))
            throw new DomainRuleException("A business calendar needs opening hours on at least one weekday.", "OpeningHours");
        _extraClosedDates = [.. settings.ExtraClosedDates];
        TimeZone = timeZone;
        Settings = settings with
        {
            OpeningHours = [.. _hoursByDay.OfType<OpeningHours>()],
            ExtraClosedDates = [.. _extraClosedDates.Order()],
        };
    }

    /// <summary>Europe/Stockholm, Monday to Friday 08:00–17:00, closed on Swedish public and de-facto holidays.</summary>
    public static BusinessCalendar Swedish { get; } = new(BusinessCalendarSettings.Swedish);

    /// <summary>The settings this calendar was made from, opening hours in weekday order (Sunday first) and closed dates sorted.</summary>
    public BusinessCalendarSettings Settings { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>
    /// The zone a team's settings name, for showing times on its clock; a zone this machine does not know (settings
    /// saved on another one), or no settings at all, reads as the Swedish calendar's.
    /// </summary>
    public static TimeZoneInfo ZoneOf(BusinessCalendarSettings? settings) =>
        settings is not null && TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZoneId, out var zone) ? zone : Swedish.TimeZone;

    /// <summary>Whether the team opens on this local date at all: it has opening hours that weekday and is not closed for a holiday or an extra closed date.</summary>
    public bool IsBusinessDay(DateOnly date) =>
        _hoursByDay[(int)date.DayOfWeek] is not null
        && !_extraClosedDates.Contains(date)
        && !SwedishHolidays.In(date.Year).Any(h => h.Date == date && ClosesOn(h.Kind));

    public bool IsOpen(DateTimeOffset instant) =>
        OpeningOn(LocalDate(instant)) is { } opening && opening.Opens <= instant && instant < opening.Closes;

    /// <summary>The first open instant at or after <paramref name="from"/>: <paramref name="from"/> itself while open.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset from)
    {
        if (IsOpen(from))
            return from.ToUniversalTime();

        // Ends: some weekday has opening hours, and holidays and extra closed dates close only finitely many of its dates.
        for (var day = LocalDate(from); ; day = day.AddDays(1))
        {
            if (OpeningOn(day) is { } opening && opening.Opens > from)
                return opening.Opens;
        }
    }

    /// <summary>
    /// The deadline of a promise made at <paramref name="from"/> to be kept within <paramref name="days"/> business days:
    /// the closing time of the <paramref name="days"/>th whole business day after the promise.
    /// </summary>
    /// <remarks>
    /// A business day is whole when the promise was made before, or exactly when, it opened. The day a promise is made
    /// during opening hours is not whole and does not count: made Friday 16:00, two business days are Monday and Tuesday,
    /// due Tuesday at closing. A promise made after closing, before opening, on a weekend or on a holiday counts from the
    /// next opening, and that day is whole: made Saturday, or Monday 07:00, one business day is due Monday at closing.
    /// Zero business days is the closing time of the business day under way, or of the next one when closed ("today").
    /// </remarks>
    public DateTimeOffset AddBusinessDays(DateTimeOffset from, int days)
    {
        if (days is < 0 or > MaxBusinessDays)
            throw new DomainRuleException("A promise is kept within 0 to {0} business days.", "Days", MaxBusinessDays);
        var start = NextOpening(from);
        var day = LocalDate(start);
        var counted = start == OpeningOn(day)!.Value.Opens ? 1 : 0;
        for (; counted < days; counted++)
            day = NextBusinessDay(day);
        return OpeningOn(day)!.Value.Closes;
    }

    /// <summary>
    /// The deadline of a promise made at <paramref name="from"/> to be kept within <paramref name="duration"/> of open
    /// time: the clock runs only while open. Two business hours from Friday 16:30 are due Monday 09:30. A deadline that
    /// uses up a day's open time exactly is that day's closing time, not the next opening.
    /// </summary>
    public DateTimeOffset AddBusinessHours(DateTimeOffset from, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero || duration > MaxBusinessHours)
            throw new DomainRuleException("A promise is kept within zero to a year of business hours.", "Duration");
        var remaining = duration;
        var at = NextOpening(from);
        while (true)
        {
            var closes = OpeningOn(LocalDate(at))!.Value.Closes;
            if (remaining <= closes - at)
                return at + remaining;
            remaining -= closes - at;
            at = NextOpening(closes);
        }
    }

    private bool ClosesOn(HolidayKind kind) => kind switch
    {
        HolidayKind.PublicHoliday => Settings.ClosedOnPublicHolidays,
        HolidayKind.DeFactoHoliday => Settings.ClosedOnDeFactoHolidays,
    };

    private DateOnly NextBusinessDay(DateOnly day)
    {
        do
            day = day.AddDays(1);
        while (!IsBusinessDay(day));
        return day;
    }

    private (DateTimeOffset Opens, DateTimeOffset Closes)? OpeningOn(DateOnly day)
    {
        if (!IsBusinessDay(day))
            return null;
        var hours = _hoursByDay[(int)day.DayOfWeek]!;
        var closes = hours.Closes == TimeOnly.MinValue ? day.AddDays(1).ToDateTime(TimeOnly.MinValue) : day.ToDateTime(hours.Closes);
        return (ToInstant(day.ToDateTime(hours.Opens)), ToInstant(closes));
    }

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    private DateTimeOffset ToInstant(DateTime localTime)
    {
        var offset = TimeZone.IsInvalidTime(localTime)
            // Skipped by the spring jump: the offset from before the jump moves it forward by the gap. No zone changes twice in a day.
            ? TimeZone.GetUtcOffset(localTime.AddDays(-1))
            : TimeZone.IsAmbiguousTime(localTime)
                ? TimeZone.GetAmbiguousTimeOffsets(localTime).Max()
                : TimeZone.GetUtcOffset(localTime);
        return new DateTimeOffset(localTime - offset, TimeSpan.Zero);
    }
}
