using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Calendar;
using Moment.Domain.Cases;

namespace Moment.Application.KnownIssues;

/// <summary>The contacts one known issue caused in one week (Monday to Sunday on the Swedish calendar).</summary>
public sealed record FailureDemandWeek(Guid IssueId, string Title, int Year, int Week, DateOnly Monday, int Contacts);

/// <summary>
/// Failure demand (PRODUCT.md principle 11): contacts caused by the company's own failure, per known issue and week.
/// A contact is caused by an issue when it is an inbound contact (a call, a visit, a chat the customer started) on a case
/// linked to that issue, whenever the link was made: the first contact that opened the case counts too. Weeks are ISO
/// weeks on the Swedish calendar's clock, which is how the organisation reads its weeks.
/// </summary>
public sealed class FailureDemand(AppDbContext db, TimeProvider time)
{
    /// <summary>The longest period one report reads, so that it stays a bounded query.</summary>
    public const int MaxWeeks = 53;

    public async Task<IReadOnlyList<FailureDemandWeek>> HandleAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        var zone = BusinessCalendar.Swedish.TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var last = to ?? today;
        var first = from ?? last.AddDays(-7 * 8);
        if (first > last)
            throw new DomainRuleException("The period must start before it ends.", "From");
        if (last.DayNumber - first.DayNumber > MaxWeeks * 7)
            throw new DomainRuleException("A report covers at most {0} weeks.", "From", MaxWeeks);
        var start = Instant(first, zone);
        var end = Instant(last.AddDays(1), zone);

        var contacts = await (
            from link in db.KnownIssueLinks.AsNoTracking()
            join entry in db.CaseEvents on link.CaseId equals entry.CaseId
            join issue in db.KnownIssues on link.KnownIssueId equals issue.Id
            where entry.Kind == CaseEventKind.Contact && entry.Direction == ContactDirection.Inbound && entry.At >= start && entry.At < end
            select new { issue.Id, issue.Title, entry.At })
            .ToListAsync(cancellationToken);

        return [.. contacts
            .Select(c => (c.Id, c.Title, Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.At, zone).DateTime)))
            .GroupBy(c => (c.Id, c.Title, Year: ISOWeek.GetYear(c.Day.ToDateTime(TimeOnly.MinValue)), Week: ISOWeek.GetWeekOfYear(c.Day.ToDateTime(TimeOnly.MinValue))))
            .Select(g => new FailureDemandWeek(g.Key.Id, g.Key.Title, g.Key.Year, g.Key.Week,
                DateOnly.FromDateTime(ISOWeek.ToDateTime(g.Key.Year, g.Key.Week, DayOfWeek.Monday)), g.Count()))
            .OrderBy(w => w.Monday).ThenByDescending(w => w.Contacts).ThenBy(w => w.Title, StringComparer.Ordinal)];
    }

    private static DateTimeOffset Instant(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
