using System.Globalization;
using Moment.Domain.Calendar;

namespace Moment.Domain.Tests.Calendar;

/// <summary>
/// Opening hours and promise deadlines in the Swedish calendar. Instants are written with Stockholm's published offset
/// (+01:00 in winter, +02:00 from the last Sunday of March to the last Sunday of October).
/// </summary>
public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar Swedish = BusinessCalendar.Swedish;

    private static readonly BusinessCalendar AroundTheClock = new(BusinessCalendarSettings.Swedish with
    {
        OpeningHours = [.. Enum.GetValues<DayOfWeek>().Select(day => new OpeningHours(day, TimeOnly.MinValue, TimeOnly.MinValue))],
        ClosedOnPublicHolidays = false,
        ClosedOnDeFactoHolidays = false,
    });

    [Theory]
    [InlineData("2026-11-23T08:00+01:00", true)]        // Monday, opening
    [InlineData("2026-11-23T07:00Z", true)]             // the same instant in UTC
    [InlineData("2026-11-23T16:59:59+01:00", true)]
    [InlineData("2026-11-23T17:00+01:00", false)]       // closing
    [InlineData("2026-11-23T07:59+01:00", false)]
    [InlineData("2026-11-21T12:00+01:00", false)]       // Saturday
    [InlineData("2026-01-06T12:00+01:00", false)]       // trettondedag jul, a Tuesday
    [InlineData("2026-12-24T12:00+01:00", false)]       // julafton, a Thursday
    [InlineData("2026-06-15T08:00+02:00", true)]        // summer time
    [InlineData("2026-06-15T07:30+02:00", false)]
    public void IsOpen_Swedish_OpenWeekdays0800To1700(string instant, bool open)
    {
        Assert.Equal(open, Swedish.IsOpen(At(instant)));
    }

    [Theory]
    [InlineData("2026-11-23T10:00+01:00", "2026-11-23T10:00+01:00")]   // open: itself
    [InlineData("2026-11-23T06:00+01:00", "2026-11-23T08:00+01:00")]   // before opening
    [InlineData("2026-11-20T17:00+01:00", "2026-11-23T08:00+01:00")]   // Friday closing
    [InlineData("2026-04-02T17:30+02:00", "2026-04-07T08:00+02:00")]   // skärtorsdag evening, over Easter
    [InlineData("2026-03-27T18:00+01:00", "2026-03-30T08:00+02:00")]   // over the spring change
    [InlineData("2026-10-23T18:00+02:00", "2026-10-26T08:00+01:00")]   // over the autumn change
    public void NextOpening_ReturnsTheFirstOpenInstantInUtc(string from, string expected)
    {
        var opening = Swedish.NextOpening(At(from));

        Assert.Equal(At(expected), opening);
        Assert.Equal(TimeSpan.Zero, opening.Offset);
    }

    [Theory]
    [InlineData("2026-11-20T16:00+01:00", 2, "2026-11-24T17:00+01:00")]   // Friday afternoon: Monday, Tuesday
    [InlineData("2026-11-20T18:00+01:00", 2, "2026-11-24T17:00+01:00")]   // Friday after closing
    [InlineData("2026-11-21T12:00+01:00", 1, "2026-11-23T17:00+01:00")]   // Saturday: Monday is whole
    [InlineData("2026-11-23T07:00+01:00", 1, "2026-11-23T17:00+01:00")]   // Monday before opening: Monday is whole
    [InlineData("2026-11-23T08:00+01:00", 1, "2026-11-23T17:00+01:00")]   // at opening: Monday is whole
    [InlineData("2026-11-23T08:01+01:00", 1, "2026-11-24T17:00+01:00")]   // after opening: Monday does not count
    [InlineData("2026-11-23T10:00+01:00", 5, "2026-11-30T17:00+01:00")]
    [InlineData("2026-11-23T10:00+01:00", 0, "2026-11-23T17:00+01:00")]   // today
    [InlineData("2026-11-21T12:00+01:00", 0, "2026-11-23T17:00+01:00")]   // today, made on a Saturday
    [InlineData("2026-04-02T10:00+02:00", 1, "2026-04-07T17:00+02:00")]   // skärtorsdag: långfredagen and annandag påsk closed
    [InlineData("2026-04-03T10:00+02:00", 1, "2026-04-07T17:00+02:00")]   // made on långfredagen
    [InlineData("2026-06-18T10:00+02:00", 1, "2026-06-22T17:00+02:00")]   // midsommarafton closed
    [InlineData("2026-12-23T10:00+01:00", 1, "2026-12-28T17:00+01:00")]   // julafton, juldagen closed
    [InlineData("2026-12-30T10:00+01:00", 1, "2027-01-04T17:00+01:00")]   // nyårsafton, nyårsdagen closed
    [InlineData("2026-03-27T16:00+01:00", 2, "2026-03-31T17:00+02:00")]   // over the spring change
    [InlineData("2026-10-23T16:00+02:00", 2, "2026-10-27T17:00+01:00")]   // over the autumn change
    public void AddBusinessDays_Swedish_DueAtClosingOfTheNthWholeBusinessDay(string from, int days, string expected)
    {
        var deadline = Swedish.AddBusinessDays(At(from), days);

        Assert.Equal(At(expected), deadline);
        Assert.Equal(TimeSpan.Zero, deadline.Offset);
    }

    [Theory]
    [InlineData("2026-11-20T16:30+01:00", 2, 0, "2026-11-23T09:30+01:00")]   // Friday afternoon to Monday
    [InlineData("2026-11-20T16:00+01:00", 1, 0, "2026-11-20T17:00+01:00")]   // ends at closing, not at the next opening
    [InlineData("2026-11-23T06:00+01:00", 1, 0, "2026-11-23T09:00+01:00")]   // before opening
    [InlineData("2026-11-21T12:00+01:00", 0, 0, "2026-11-23T08:00+01:00")]   // nothing to wait for, but closed
    [InlineData("2026-11-23T10:00+01:00", 20, 0, "2026-11-25T12:00+01:00")]  // 7 h Monday, 9 h Tuesday, 4 h Wednesday
    [InlineData("2026-04-02T16:15+02:00", 1, 0, "2026-04-07T08:15+02:00")]   // over Easter
    [InlineData("2026-03-27T16:30+01:00", 2, 0, "2026-03-30T09:30+02:00")]   // over the spring change
    [InlineData("2026-10-23T16:30+02:00", 2, 0, "2026-10-26T09:30+01:00")]   // over the autumn change
    [InlineData("2026-11-20T16:59+01:00", 0, 2, "2026-11-23T08:01+01:00")]
    public void AddBusinessHours_Swedish_CountsOnlyOpenTime(string from, int hours, int minutes, string expected)
    {
        var deadline = Swedish.AddBusinessHours(At(from), new TimeSpan(hours, minutes, 0));

        Assert.Equal(At(expected), deadline);
        Assert.Equal(TimeSpan.Zero, deadline.Offset);
    }

    [Theory]
    [InlineData("2026-03-28T23:00+01:00", 4, "2026-03-29T04:00+02:00")]   // the spring night has 02:00–03:00 missing
    [InlineData("2026-10-24T23:00+02:00", 4, "2026-10-25T02:00+01:00")]   // the autumn night has 02:00–03:00 twice
    [InlineData("2026-10-25T00:00+02:00", 25, "2026-10-26T00:00+01:00")]  // the autumn Sunday is 25 hours long
    [InlineData("2026-03-29T00:00+01:00", 23, "2026-03-30T00:00+02:00")]  // the spring Sunday is 23 hours long
    public void AddBusinessHours_AroundTheClockOverDaylightSavingChanges_CountsElapsedTime(string from, int hours, string expected)
    {
        Assert.Equal(At(expected), AroundTheClock.AddBusinessHours(At(from), TimeSpan.FromHours(hours)));
    }

    [Fact]
    public void NextOpening_OpeningTimeSkippedBySpringChange_OpensAsTheClocksShowIt()
    {
        var calendar = new BusinessCalendar(BusinessCalendarSettings.Swedish with
        {
            OpeningHours = [new OpeningHours(DayOfWeek.Sunday, new TimeOnly(2, 30), new TimeOnly(4, 0))],
        });

        // 02:30 does not exist on 29 March 2026; the same time after the jump is 03:30.
        Assert.Equal(At("2026-03-29T03:30+02:00"), calendar.NextOpening(At("2026-03-28T12:00+01:00")));
        // 02:30 happens twice on 25 October 2026; the team opens at the first.
        Assert.Equal(At("2026-10-25T02:30+02:00"), calendar.NextOpening(At("2026-10-24T12:00+02:00")));
    }

    [Fact]
    public void AddBusinessDays_DeFactoHolidaysOpen_JulaftonIsABusinessDay()
    {
        var calendar = new BusinessCalendar(BusinessCalendarSettings.Swedish with { ClosedOnDeFactoHolidays = false });

        Assert.Equal(At("2026-12-24T17:00+01:00"), calendar.AddBusinessDays(At("2026-12-23T10:00+01:00"), 1));
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 12, 25)));
    }

    [Fact]
    public void IsBusinessDay_PublicHolidaysOpen_JuldagenIsABusinessDayAndJulaftonIsNot()
    {
        var calendar = new BusinessCalendar(BusinessCalendarSettings.Swedish with { ClosedOnPublicHolidays = false });

        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 12, 25)));
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 12, 24)));
    }

    [Fact]
    public void AddBusinessDays_ExtraClosedDate_IsSkipped()
    {
        // The Friday after Kristi himmelsfärdsdag, a klämdag many offices close.
        var calendar = new BusinessCalendar(BusinessCalendarSettings.Swedish with { ExtraClosedDates = [new DateOnly(2026, 5, 15)] });

        Assert.Equal(At("2026-05-15T17:00+02:00"), Swedish.AddBusinessDays(At("2026-05-13T10:00+02:00"), 1));
        Assert.Equal(At("2026-05-18T17:00+02:00"), calendar.AddBusinessDays(At("2026-05-13T10:00+02:00"), 1));
    }

    [Fact]
    public void AddBusinessDays_SaturdayHours_SaturdayCounts()
    {
        var calendar = new BusinessCalendar(BusinessCalendarSettings.Swedish with
        {
            OpeningHours = [.. BusinessCalendarSettings.Swedish.OpeningHours, new OpeningHours(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(14, 0))],
        });

        Assert.Equal(At("2026-11-21T14:00+01:00"), calendar.AddBusinessDays(At("2026-11-20T16:00+01:00"), 1));
    }

    [Fact]
    public void Swedish_Settings_AreTheDefaultsInWeekdayOrder()
    {
        var settings = Swedish.Settings;

        Assert.Equal("Europe/Stockholm", settings.TimeZoneId);
        Assert.Equal(
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            settings.OpeningHours.Select(h => h.Day));
        Assert.All(settings.OpeningHours, h => Assert.Equal((new TimeOnly(8, 0), new TimeOnly(17, 0)), (h.Opens, h.Closes)));
        Assert.True(settings.ClosedOnPublicHolidays);
        Assert.True(settings.ClosedOnDeFactoHolidays);
        Assert.Empty(settings.ExtraClosedDates);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(BusinessCalendar.MaxBusinessDays + 1)]
    public void AddBusinessDays_OutOfRange_IsRefused(int days)
    {
        var error = Assert.Throws<DomainRuleException>(() => Swedish.AddBusinessDays(At("2026-11-23T10:00+01:00"), days));

        Assert.Equal("Days", error.Field);
    }

    [Fact]
    public void AddBusinessHours_Negative_IsRefused()
    {
        var error = Assert.Throws<DomainRuleException>(() => Swedish.AddBusinessHours(At("2026-11-23T10:00+01:00"), TimeSpan.FromMinutes(-1)));

        Assert.Equal("Duration", error.Field);
    }

    [Fact]
    public void Create_UnknownTimeZone_IsRefused()
    {
        var error = Assert.Throws<DomainRuleException>(() => new BusinessCalendar(BusinessCalendarSettings.Swedish with { TimeZoneId = "Europe/Atlantis" }));

        Assert.Equal("TimeZoneId", error.Field);
    }

    [Theory]
    [InlineData(17, 8)]     // closes before it opens
    [InlineData(8, 8)]      // never open
    public void Create_ClosingNotAfterOpening_IsRefused(int opens, int closes)
    {
        var error = Assert.Throws<DomainRuleException>(() => new BusinessCalendar(BusinessCalendarSettings.Swedish with
        {
            OpeningHours = [new OpeningHours(DayOfWeek.Monday, new TimeOnly(opens, 0), new TimeOnly(closes, 0))],
        }));

        Assert.Equal("OpeningHours", error.Field);
    }

    [Fact]
    public void Create_WeekdayTwice_IsRefused()
    {
        var error = Assert.Throws<DomainRuleException>(() => new BusinessCalendar(BusinessCalendarSettings.Swedish with
        {
            OpeningHours = [.. BusinessCalendarSettings.Swedish.OpeningHours, new OpeningHours(DayOfWeek.Monday, new TimeOnly(18, 0), new TimeOnly(20, 0))],
        }));

        Assert.Equal("OpeningHours", error.Field);
    }

    [Fact]
    public void Create_NoOpeningHours_IsRefused()
    {
        var error = Assert.Throws<DomainRuleException>(() => new BusinessCalendar(BusinessCalendarSettings.Swedish with { OpeningHours = [] }));

        Assert.Equal("OpeningHours", error.Field);
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
