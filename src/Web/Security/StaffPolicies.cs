using Microsoft.AspNetCore.Authorization;
using Moment.Application.Staff;

namespace Moment.Web.Security;

/// <summary>Who may do what, by role. Leadership reads but never changes a case.</summary>
internal static class StaffPolicies
{
    public const string CaseWorker = nameof(CaseWorker);
    public const string TeamLeadership = nameof(TeamLeadership);
    public const string Overseers = nameof(Overseers);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(CaseWorker, policy => policy.RequireRole(StaffRoles.ServingCustomers));
        options.AddPolicy(TeamLeadership, policy => policy.RequireRole(StaffRoles.Leading));
        options.AddPolicy(Overseers, policy => policy.RequireRole(StaffRoles.Overseeing));
    }
}
