namespace Moment.Domain.Calendar;

/// <summary>
/// The Swedish holidays of a year: the allmänna helgdagar of lag (1989:253) om allmänna helgdagar, and the three days
/// Swedish workplaces take off by custom (<see cref="HolidayKind.DeFactoHoliday"/>). Sundays are helgdagar by the same
/// law; only the named ones are listed.
/// </summary>
public static class SwedishHolidays
{
    /// <summary>Sveriges nationaldag replaced annandag pingst as a public holiday in this year.</summary>
    public const int FirstYearOfNationalDay = 2005;

    /// <summary>
    /// The holidays of <paramref name="year"/> in date order. Two may fall on one date (Kristi himmelsfärdsdag was on
    /// första maj in 2008); both are listed.
    /// </summary>
    public static IReadOnlyList<Holiday> In(int year)
    {
        var easter = EasterSunday(year);
        var midsummerDay = Saturday(new DateOnly(year, 6, 20));
        List<Holiday> holidays =
        [
            Public(new DateOnly(year, 1, 1), "Nyårsdagen", "New Year's Day"),
            Public(new DateOnly(year, 1, 6), "Trettondedag jul", "Epiphany"),
            Public(easter.AddDays(-2), "Långfredagen", "Good Friday"),
            Public(easter, "Påskdagen", "Easter Sunday"),
            Public(easter.AddDays(1), "Annandag påsk", "Easter Monday"),
            Public(new DateOnly(year, 5, 1), "Första maj", "May Day"),
            Public(easter.AddDays(39), "Kristi himmelsfärdsdag", "Ascension Day"),
            Public(easter.AddDays(49), "Pingstdagen", "Whit Sunday"),
            year >= FirstYearOfNationalDay
                ? Public(new DateOnly(year, 6, 6), "Sveriges nationaldag", "National Day of Sweden")
                : Public(easter.AddDays(50), "Annandag pingst", "Whit Monday"),
            DeFacto(midsummerDay.AddDays(-1), "Midsommarafton", "Midsummer Eve"),
            Public(midsummerDay, "Midsommardagen", "Midsummer Day"),
            Public(Saturday(new DateOnly(year, 10, 31)), "Alla helgons dag", "All Saints' Day"),
            DeFacto(new DateOnly(year, 12, 24), "Julafton", "Christmas Eve"),
            Public(new DateOnly(year, 12, 25), "Juldagen", "Christmas Day"),
            Public(new DateOnly(year, 12, 26), "Annandag jul", "Boxing Day"),
            DeFacto(new DateOnly(year, 12, 31), "Nyårsafton", "New Year's Eve"),
        ];
        return [.. holidays.OrderBy(h => h.Date)];
    }

    /// <summary>
    /// Western (Gregorian) Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), as given in
    /// Jean Meeus, <i>Astronomical Algorithms</i>, 2nd ed., ch. 8. Valid for every Gregorian year.
    /// </summary>
    public static DateOnly EasterSunday(int year)
    {
        if (year is < 1583 or > 9999)
            throw new ArgumentOutOfRangeException(nameof(year), year, "Gregorian Easter is defined from 1583 to 9999.");
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    // Midsommardagen and alla helgons dag are "the Saturday from" a fixed date: the law names a seven-day window.
    private static DateOnly Saturday(DateOnly windowStart) =>
        windowStart.AddDays(((int)DayOfWeek.Saturday - (int)windowStart.DayOfWeek + 7) % 7);

    private static Holiday Public(DateOnly date, string swedish, string english) => new(date, HolidayKind.PublicHoliday, swedish, english);

    private static Holiday DeFacto(DateOnly date, string swedish, string english) => new(date, HolidayKind.DeFactoHoliday, swedish, english);
}
