using Microsoft.EntityFrameworkCore;
using Moment.Application.Caching;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Calendar;
using Moment.Domain.Cases;
using Moment.Domain.Teams;

namespace Moment.Application.Teams;

/// <summary>
/// A team's name, leadership and, optionally, when it is open (promise deadlines count only that time; null keeps it,
/// Swedish for a new team) and where its people meet customers (null keeps it, the phone for a new team).
/// </summary>
public sealed record SaveTeamRequest(Guid? Id, string Name, Guid? TeamLeadId, Guid? ResponsibleManagerId, BusinessCalendarSettings? Calendar = null, Door? Door = null);

/// <summary>Creates or changes a team. The team lead must hold the TeamLead role and the manager the Manager role, and both be active.</summary>
public sealed class SaveTeam(AppDbContext db, ForgetEverywhere forget)
{
    public async Task<Guid> HandleAsync(SaveTeamRequest request, CancellationToken cancellationToken = default)
    {
        var team = request.Id is { } id
            ? await db.Teams.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) ?? throw new NotFoundException("That team does not exist.")
            : Team.Create(request.Name);
        team.Rename(request.Name);
        if (await db.Teams.AnyAsync(t => t.Name == team.Name && t.Id != team.Id, cancellationToken))
            throw new DomainRuleException("There is already a team called {0}.", "Name", team.Name);
        await RequireRoleAsync(request.TeamLeadId, StaffRoles.TeamLead, "TeamLeadId", "The team lead must be active and hold the team lead role.", cancellationToken);
        await RequireRoleAsync(request.ResponsibleManagerId, StaffRoles.Manager, "ResponsibleManagerId", "The responsible manager must be active and hold the manager role.", cancellationToken);
        team.AppointLeadership(request.TeamLeadId, request.ResponsibleManagerId);
        if (request.Calendar is { } calendar)
            team.ChangeCalendar(calendar);
        if (request.Door is { } door)
            team.MeetCustomersAt(door);
        if (request.Id is null)
            db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        await forget.TeamAsync(team.Id, cancellationToken);
        return team.Id;
    }

    private async Task RequireRoleAsync(Guid? userId, string role, string field, string refusal, CancellationToken cancellationToken)
    {
        if (userId is not { } id)
            return;
        var holdsRole = await (from user in db.Users
                               where user.Id == id && user.IsActive
                               join userRole in db.UserRoles on user.Id equals userRole.UserId
                               join r in db.Roles on userRole.RoleId equals r.Id
                               where r.Name == role
                               select user.Id).AnyAsync(cancellationToken);
        if (!holdsRole)
            throw new DomainRuleException(refusal, field);
    }
}
