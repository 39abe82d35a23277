using System.Security.Claims;
using Moment.Application.Staff;
using Moment.Domain;

namespace Moment.Web.Security;

/// <summary>
/// The signed-in member of staff as the rules in Application see them, for endpoints and pages alike: read through
/// <see cref="StaffCards"/> (cached), so that roles and team are the database's, not a cookie's from an hour ago.
/// </summary>
internal static class CurrentActor
{
    public static async Task<Actor> ActorAsync(this ClaimsPrincipal principal, StaffCards cards, CancellationToken cancellationToken = default)
    {
        var card = await cards.FindAsync(principal.StaffId(), cancellationToken);
        return card is { IsActive: true }
            ? Actor.Of(card)
            : throw new ForbiddenException("Your account is inactive or no longer exists.");
    }
}
