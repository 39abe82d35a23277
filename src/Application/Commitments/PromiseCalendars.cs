using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Calendar;

namespace Moment.Application.Commitments;

/// <summary>
/// Which business calendar a promise's deadline is counted in: the keeper's team's, else the case's team's, else the
/// Swedish default. The keeper's own opening hours are what they can keep a promise in; a manager without a team
/// keeps to the hours of the team whose customer asked.
/// </summary>
public sealed class PromiseCalendars(AppDbContext db)
{
    public async Task<BusinessCalendar> ForAsync(Guid? keeperTeamId, Guid? caseTeamId, CancellationToken cancellationToken)
    {
        foreach (var teamId in new[] { keeperTeamId, caseTeamId }.OfType<Guid>())
        {
            var settings = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.Calendar).FirstOrDefaultAsync(cancellationToken);
            if (settings is not null)
                return new BusinessCalendar(settings);
        }

        return BusinessCalendar.Swedish;
    }

    /// <summary>The time zone of every team, to show each deadline on the clock of the team that counts it.</summary>
    public async Task<IReadOnlyDictionary<Guid, TimeZoneInfo>> TimeZonesAsync(CancellationToken cancellationToken)
    {
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Calendar }).ToListAsync(cancellationToken);
        return teams.ToDictionary(t => t.Id, t => BusinessCalendar.ZoneOf(t.Calendar));
    }
}

/// <summary>The deadlines the promise form offers, counted in a business calendar.</summary>
public static class PromiseDeadlines
{
    /// <summary>
    /// "I'll call you back tomorrow before 15:00": the given local time on the next business day after today's local
    /// date. On a Friday that is Monday; before a holiday, the day after it.
    /// </summary>
    public static DateTimeOffset NextBusinessDayAt(BusinessCalendar calendar, DateTimeOffset now, TimeOnly at)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.TimeZone).DateTime);
        do
            day = day.AddDays(1);
        while (!calendar.IsBusinessDay(day));
        var local = day.ToDateTime(at);
        // A wall time skipped by the spring jump is read as the same time after it, as the calendar does.
        if (calendar.TimeZone.IsInvalidTime(local))
            local = local.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, calendar.TimeZone), TimeSpan.Zero);
    }

    /// <summary>The same instant on the calendar's clock, so that the API says +01:00 for a Stockholm deadline.</summary>
    public static DateTimeOffset OnClockOf(TimeZoneInfo zone, DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);
}
