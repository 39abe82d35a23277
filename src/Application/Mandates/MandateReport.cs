using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Mandates;

namespace Moment.Application.Mandates;

/// <summary>One team's uses of one kind in a month: how many and how much within the mandate, and how many were asked above it.</summary>
public sealed record MandateReportRow(Guid? TeamId, string Team, MandateKind Kind, int Uses, int Kronor, int Requests, int RequestedKronor);

/// <summary>
/// Every use of the mandate, per team, kind and month, for learning (principle 4: reported, not punished). It is counted
/// per team and never per person, and its rows are in a fixed order (team, kind), so that it can never be read as a
/// ranking: where the requests are many, the limits are too low, not the people too weak.
/// </summary>
public sealed class MandateReport(AppDbContext db)
{
    public async Task<IReadOnlyList<MandateReportRow>> HandleAsync(int year, int month, CancellationToken cancellationToken = default)
    {
        if (year is < 2000 or > 2100 || month is < 1 or > 12)
            throw new DomainRuleException("Choose a month between 2000 and 2100.", "Month");
        var (start, end) = MandateLimits.MonthOf(new DateTimeOffset(year, month, 15, 12, 0, 0, TimeSpan.Zero));
        var uses = await db.MandateUses.AsNoTracking()
            .Where(u => u.At >= start && u.At < end)
            .Select(u => new { u.TeamId, u.Kind, u.State, u.Amount })
            .ToListAsync(cancellationToken);
        var teamIds = uses.Select(u => u.TeamId).OfType<Guid>().Distinct().ToList();
        var names = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return [.. uses
            .GroupBy(u => (u.TeamId, u.Kind))
            .Select(g => new MandateReportRow(g.Key.TeamId, g.Key.TeamId is { } id && names.TryGetValue(id, out var name) ? name : "",
                g.Key.Kind,
                g.Count(u => u.State != MandateUseState.Requested), g.Where(u => u.State != MandateUseState.Requested).Sum(u => u.Amount),
                g.Count(u => u.State == MandateUseState.Requested), g.Where(u => u.State == MandateUseState.Requested).Sum(u => u.Amount)))
            .OrderBy(r => r.Team, StringComparer.Ordinal).ThenBy(r => r.Kind)];
    }
}
