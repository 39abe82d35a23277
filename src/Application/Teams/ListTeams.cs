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
    /// <summary>Where a team's people meet customers: one column, for the new-case form's first door.</summary>
    public async Task<Door> DoorOfAsync(Guid? teamId, CancellationToken cancellationToken = default) =>
        teamId is { } id ? await db.Teams.AsNoTracking().Where(t => t.Id == id).Select(t => (Door?)t.Door).FirstOrDefaultAsync(cancellationToken) ?? Door.Phone : Door.Phone;

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
