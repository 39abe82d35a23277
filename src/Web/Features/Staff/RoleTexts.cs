using Moment.Application.Staff;

namespace Moment.Web.Features.Staff;

/// <summary>The English words (resource keys) for the roles: a role's name in code (TeamLead) is not a word for people.</summary>
internal static class RoleTexts
{
    public static string Name(string role) => role switch
    {
        StaffRoles.Administrator => "Administrator",
        StaffRoles.Manager => "Manager",
        StaffRoles.TeamLead => "Team lead",
        StaffRoles.Agent => "Agent",
        StaffRoles.Frontline => "Frontline",
        StaffRoles.Leadership => "Leadership",
        _ => role,
    };
}
