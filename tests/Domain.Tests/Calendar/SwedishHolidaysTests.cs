using System.Globalization;
using Moment.Domain.Calendar;

namespace Moment.Domain.Tests.Calendar;

/// <summary>The holidays of lag (1989:253) and the customary days off, against published dates.</summary>
public sealed class SwedishHolidaysTests
{
    // Western Easter Sundays 2000–2035 as listed in Wikipedia's "List of dates for Easter", each checked against
    // python-dateutil's easter(): an implementation of Claus Tøndering's method, not of the algorithm under test.
    private static readonly DateOnly[] KnownEasterSundays =
    [
        .. new[]
        {
            "2000-04-23", "2001-04-15", "2002-03-31", "2003-04-20", "2004-04-11", "2005-03-27", "2006-04-16", "2007-04-08",
            "2008-03-23", "2009-04-12", "2010-04-04", "2011-04-24", "2012-04-08", "2013-03-31", "2014-04-20", "2015-04-05",
            "2016-03-27", "2017-04-16", "2018-04-01", "2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09",
            "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21", "2031-04-13",
            "2032-03-28", "2033-04-17", "2034-04-09", "2035-03-25",
        }.Select(Date),
    ];

    [Fact]
    public void EasterSunday_KnownYears_MatchesPublishedDates()
    {
        Assert.Equal(KnownEasterSundays, KnownEasterSundays.Select(easter => SwedishHolidays.EasterSunday(easter.Year)));
    }

    [Fact]
    public void EasterSunday_AnyGregorianYear_IsASundayFrom22MarchTo25April()
    {
        Assert.All(Enumerable.Range(1583, 9999 - 1583 + 1), year =>
        {
            var easter = SwedishHolidays.EasterSunday(year);
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        });
    }

    [Theory]
    //          långfredagen  påskdagen     annandag påsk Kristi himmelsf. pingstdagen  midsommarafton midsommardagen alla helgons dag
    [InlineData("2024-03-29", "2024-03-31", "2024-04-01", "2024-05-09", "2024-05-19", "2024-06-21", "2024-06-22", "2024-11-02")]
    [InlineData("2025-04-18", "2025-04-20", "2025-04-21", "2025-05-29", "2025-06-08", "2025-06-20", "2025-06-21", "2025-11-01")]
    [InlineData("2026-04-03", "2026-04-05", "2026-04-06", "2026-05-14", "2026-05-24", "2026-06-19", "2026-06-20", "2026-10-31")]
    [InlineData("2027-03-26", "2027-03-28", "2027-03-29", "2027-05-06", "2027-05-16", "2027-06-25", "2027-06-26", "2027-11-06")]
    [InlineData("2030-04-19", "2030-04-21", "2030-04-22", "2030-05-30", "2030-06-09", "2030-06-21", "2030-06-22", "2030-11-02")]
    public void In_PublishedYears_MovableHolidaysFallOnPublishedDates(
        string goodFriday, string easterSunday, string easterMonday, string ascensionDay, string whitSunday,
        string midsummerEve, string midsummerDay, string allSaintsDay)
    {
        var holidays = SwedishHolidays.In(Date(easterSunday).Year);

        Assert.Equal(Date(goodFriday), On(holidays, "Långfredagen"));
        Assert.Equal(Date(easterSunday), On(holidays, "Påskdagen"));
        Assert.Equal(Date(easterMonday), On(holidays, "Annandag påsk"));
        Assert.Equal(Date(ascensionDay), On(holidays, "Kristi himmelsfärdsdag"));
        Assert.Equal(Date(whitSunday), On(holidays, "Pingstdagen"));
        Assert.Equal(Date(midsummerEve), On(holidays, "Midsommarafton"));
        Assert.Equal(Date(midsummerDay), On(holidays, "Midsommardagen"));
        Assert.Equal(Date(allSaintsDay), On(holidays, "Alla helgons dag"));
    }

    [Fact]
    public void In_2026_ListsEveryHolidayInDateOrderWithItsKindAndNames()
    {
        (string Date, HolidayKind Kind, string Swedish, string English)[] expected =
        [
            ("2026-01-01", HolidayKind.PublicHoliday, "Nyårsdagen", "New Year's Day"),
            ("2026-01-06", HolidayKind.PublicHoliday, "Trettondedag jul", "Epiphany"),
            ("2026-04-03", HolidayKind.PublicHoliday, "Långfredagen", "Good Friday"),
            ("2026-04-05", HolidayKind.PublicHoliday, "Påskdagen", "Easter Sunday"),
            ("2026-04-06", HolidayKind.PublicHoliday, "Annandag påsk", "Easter Monday"),
            ("2026-05-01", HolidayKind.PublicHoliday, "Första maj", "May Day"),
            ("2026-05-14", HolidayKind.PublicHoliday, "Kristi himmelsfärdsdag", "Ascension Day"),
            ("2026-05-24", HolidayKind.PublicHoliday, "Pingstdagen", "Whit Sunday"),
            ("2026-06-06", HolidayKind.PublicHoliday, "Sveriges nationaldag", "National Day of Sweden"),
            ("2026-06-19", HolidayKind.DeFactoHoliday, "Midsommarafton", "Midsummer Eve"),
            ("2026-06-20", HolidayKind.PublicHoliday, "Midsommardagen", "Midsummer Day"),
            ("2026-10-31", HolidayKind.PublicHoliday, "Alla helgons dag", "All Saints' Day"),
            ("2026-12-24", HolidayKind.DeFactoHoliday, "Julafton", "Christmas Eve"),
            ("2026-12-25", HolidayKind.PublicHoliday, "Juldagen", "Christmas Day"),
            ("2026-12-26", HolidayKind.PublicHoliday, "Annandag jul", "Boxing Day"),
            ("2026-12-31", HolidayKind.DeFactoHoliday, "Nyårsafton", "New Year's Eve"),
        ];

        Assert.Equal(
            expected.Select(h => new Holiday(Date(h.Date), h.Kind, h.Swedish, h.English)),
            SwedishHolidays.In(2026));
    }

    [Fact]
    public void In_2008_AscensionDayOnMayDay_BothAreListed()
    {
        var onMayDay = SwedishHolidays.In(2008).Where(h => h.Date == new DateOnly(2008, 5, 1)).Select(h => h.SwedishName);

        Assert.Equal(["Första maj", "Kristi himmelsfärdsdag"], onMayDay.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void In_Before2005_WhitMondayInsteadOfNationalDay()
    {
        var holidays = SwedishHolidays.In(2004);

        Assert.Equal(new DateOnly(2004, 5, 31), On(holidays, "Annandag pingst"));
        Assert.DoesNotContain(holidays, h => h.Date == new DateOnly(2004, 6, 6));
        Assert.DoesNotContain(SwedishHolidays.In(2005), h => h.SwedishName == "Annandag pingst");
    }

    [Fact]
    public void In_AnyYear_MidsummerAndAllSaintsAreTheSaturdayOfTheirWindowAndMidsummerEveTheFridayBefore()
    {
        Assert.All(Enumerable.Range(1990, 150), year =>
        {
            var holidays = SwedishHolidays.In(year);
            var midsummerDay = On(holidays, "Midsommardagen");
            var allSaintsDay = On(holidays, "Alla helgons dag");

            Assert.Equal(DayOfWeek.Saturday, midsummerDay.DayOfWeek);
            Assert.InRange(midsummerDay, new DateOnly(year, 6, 20), new DateOnly(year, 6, 26));
            Assert.Equal(DayOfWeek.Saturday, allSaintsDay.DayOfWeek);
            Assert.InRange(allSaintsDay, new DateOnly(year, 10, 31), new DateOnly(year, 11, 6));
            Assert.Equal(midsummerDay.AddDays(-1), On(holidays, "Midsommarafton"));
        });
    }

    private static DateOnly On(IReadOnlyList<Holiday> holidays, string swedishName) =>
        Assert.Single(holidays, h => h.SwedishName == swedishName).Date;

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
