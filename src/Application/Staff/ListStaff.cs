using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;

namespace Moment.Application.Staff;

public sealed record StaffMemberSummary(
    Guid Id, string DisplayName, string Email, IReadOnlyList<string> Roles, Guid? TeamId, string? TeamName, bool IsActive, string? Extension);

/// <summary>Everyone on the staff with their roles and team, for administrators and for <c>moment users list</c>.</summary>
public sealed class ListStaff(AppDbContext db)
{
    public Task<IReadOnlyList<StaffMemberSummary>> HandleAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(db.Users, cancellationToken);

    public async Task<StaffMemberSummary?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await QueryAsync(db.Users.Where(u => u.Id == id), cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<StaffMemberSummary>> QueryAsync(IQueryable<StaffUser> staff, CancellationToken cancellationToken)
    {
        var users = await staff.AsNoTracking()
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                Email = u.Email ?? "",
                u.TeamId,
                TeamName = db.Teams.Where(t => t.Id == u.TeamId).Select(t => t.Name).FirstOrDefault(),
                u.IsActive,
                u.Extension,
            })
            .ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from userRole in db.UserRoles
                           where ids.Contains(userRole.UserId)
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name })
            .ToListAsync(cancellationToken);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name ?? "");
        return users
            .Select(u => new StaffMemberSummary(
                u.Id, u.DisplayName, u.Email,
                [.. rolesByUser[u.Id].Order(StringComparer.Ordinal)],
                u.TeamId, u.TeamName, u.IsActive, u.Extension))
            .ToList();
    }
}
