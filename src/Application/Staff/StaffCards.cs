using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Caching;
using Moment.Application.Data;

namespace Moment.Application.Staff;

/// <summary>What a request needs to know about a member of staff: who they are, their team and their roles.</summary>
public sealed record StaffCard(
    Guid Id, string UserName, string Email, string DisplayName, Guid? TeamId, string? TeamName, bool IsActive, IReadOnlyList<string> Roles, string? Extension = null);

/// <summary>
/// Staff cards, read through a short-lived cache: every API call and every new case needs one, and people change seldom.
/// Saving a member of staff or a team forgets the cards it touches, on every instance (<see cref="ForgetEverywhere"/>).
/// </summary>
public sealed class StaffCards(AppDbContext db, ShortLivedCache<Guid, StaffCard> cache, ILookupNormalizer normalizer)
{
    /// <summary>
    /// The one way to find a member of staff by email address: through Identity's own normaliser, the one that wrote
    /// <c>NormalizedEmail</c>, so that a lookup finds exactly whom sign-in finds.
    /// </summary>
    public async Task<StaffCard?> FindByEmailAsync(string? email, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(email))
            return null;
        var normalized = normalizer.NormalizeEmail(email.Trim());
        var id = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } found ? await FindAsync(found, cancellationToken) : null;
    }

    public async Task<StaffCard?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (cache.TryGet(id, out var card))
            return card;
        var found = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                u.Id,
                UserName = u.UserName ?? "",
                Email = u.Email ?? "",
                u.DisplayName,
                u.TeamId,
                TeamName = db.Teams.Where(t => t.Id == u.TeamId).Select(t => t.Name).FirstOrDefault(),
                u.IsActive,
                u.Extension,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name!).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
            return null;
        card = new StaffCard(found.Id, found.UserName, found.Email, found.DisplayName, found.TeamId, found.TeamName, found.IsActive, found.Roles, found.Extension);
        cache.Store(id, card);
        return card;
    }
}
