using Microsoft.AspNetCore.Identity;
using Moment.Application.Staff;

namespace Moment.Web.Features.Account;

/// <summary>
/// Where a member of staff lands after signing in (when no page asked for the sign-in): the desk for whoever serves
/// customers, the staffing what-if for leadership, the users for an administrator who serves none, else the profile.
/// </summary>
internal static class StartPage
{
    public static async Task<string> ForAsync(UserManager<StaffUser> users, string email)
    {
        var user = await users.FindByEmailAsync(email);
        return For(user is null ? [] : [.. await users.GetRolesAsync(user)]);
    }

    public static string For(IReadOnlyCollection<string> roles) =>
        roles.Any(r => r is StaffRoles.Agent or StaffRoles.Frontline or StaffRoles.TeamLead or StaffRoles.Manager) ? "/desk"
        : roles.Contains(StaffRoles.Leadership) ? "/staffing"
        : roles.Contains(StaffRoles.Administrator) ? "/admin/users"
        : "/profile";
}
