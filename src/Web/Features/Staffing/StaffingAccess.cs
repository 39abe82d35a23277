using Moment.Application.Staff;

namespace Moment.Web.Features.Staffing;

/// <summary>
/// Who may use staffing: managers decide; leadership and team leads see the what-if and the decisions but do not
/// record them (PRODUCT.md: team leads and managers work with staffing, leadership reads); administrators see everything.
/// </summary>
internal static class StaffingAccess
{
    public const string Viewers = StaffRoles.Manager + "," + StaffRoles.Leadership + "," + StaffRoles.TeamLead + "," + StaffRoles.Administrator;

    public const string Deciders = StaffRoles.Manager + "," + StaffRoles.Administrator;

    public static readonly string[] ViewerRoles = [StaffRoles.Manager, StaffRoles.Leadership, StaffRoles.TeamLead, StaffRoles.Administrator];

    public static readonly string[] DeciderRoles = [StaffRoles.Manager, StaffRoles.Administrator];
}
