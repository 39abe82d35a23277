using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Calendar;
using Moment.Domain.Cases;

namespace Moment.Application.Teams;

public sealed record TeamSummary(
    Guid Id, string Name, Guid? TeamLeadId, string? TeamLeadName, Guid? ResponsibleManagerId, string? ResponsibleManagerName, int Members, BusinessCalendarSettings Calendar,
    Door Door);

public sealed class ListTeams(AppDbContext db)
{
    public async Task<IReadOnlyList<TeamSummary>> HandleAsync(CancellationToken cancellationToken = default) =>
        await db.Teams.AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new TeamSummary(
                t.Id,
                t.Name,
                t.TeamLeadId,
                db.Users.Where(u => u.Id == t.TeamLeadId).Select(u => u.DisplayName).FirstOrDefault(),
                t.ResponsibleManagerId,
                db.Users.Where(u => u.Id == t.ResponsibleManagerId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Count(u => u.TeamId == t.Id),
                t.Calendar,
                t.Door))
            .ToListAsync(cancellationToken);
}
