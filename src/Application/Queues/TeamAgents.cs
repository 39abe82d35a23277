using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;

namespace Moment.Application.Queues;

/// <summary>A member of a team who serves customers, with what they take from the queue (the defaults until they first set a presence).</summary>
public sealed record TeamAgentView(Guid UserId, string Name, string Skills, int ChatCapacity);

/// <summary>
/// The agents of a team as its queue settings show them, to be equipped one by one (<see cref="EquipAgent"/>): the active
/// members who serve customers, by name.
/// </summary>
public sealed class TeamAgents(AppDbContext db, ListStaff staff)
{
    public async Task<IReadOnlyList<TeamAgentView>> HandleAsync(Guid teamId, CancellationToken cancellationToken = default)
    {
        var members = (await staff.HandleAsync(cancellationToken))
            .Where(s => s.TeamId == teamId && s.IsActive && StaffRoles.WorkCases(s.Roles))
            .ToList();
        var ids = members.Select(m => m.Id).ToList();
        var presences = await db.AgentPresences.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        return [.. members.Select(m => presences.TryGetValue(m.Id, out var p)
            ? new TeamAgentView(m.Id, m.DisplayName, p.Skills.ToString(), p.ChatCapacity)
            : new TeamAgentView(m.Id, m.DisplayName, SetPresence.FirstSkills.ToString(), Domain.Queues.AgentPresence.DefaultChatCapacity))];
    }
}
