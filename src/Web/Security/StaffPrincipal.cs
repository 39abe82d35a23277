using System.Security.Claims;
using Moment.Application.Staff;

namespace Moment.Web.Security;

internal static class StaffPrincipal
{
    /// <summary>The signed-in member of staff's id, from the cookie or the API token alike.</summary>
    public static Guid StaffId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("The request is not from a signed-in member of staff.");

    /// <summary>Whether they serve customers, and so see customers' contact details (<see cref="StaffRoles.ServingCustomers"/>).</summary>
    public static bool ServesCustomers(this ClaimsPrincipal principal) => StaffRoles.ServingCustomers.Any(principal.IsInRole);
}
