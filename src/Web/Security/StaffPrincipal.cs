using System.Security.Claims;

namespace Moment.Web.Security;

internal static class StaffPrincipal
{
    /// <summary>The signed-in member of staff's id, from the cookie or the API token alike.</summary>
    public static Guid StaffId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("The request is not from a signed-in member of staff.");
}
