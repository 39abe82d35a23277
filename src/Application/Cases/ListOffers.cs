using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

public sealed record OfferWaiting(Guid HandOffId, string Number, string Subject, string OfferedBy, bool ToMyTeam, string Summary, DateTimeOffset ExpiresAt);

/// <summary>Offers waiting for this person's answer: addressed to them, or to their team.</summary>
public sealed class ListOffers(AppDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<OfferWaiting>> HandleAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var teamId = await db.Users.Where(u => u.Id == userId).Select(u => u.TeamId).FirstOrDefaultAsync(cancellationToken);
        return await db.HandOffs.AsNoTracking()
            .Where(h => h.State == HandOffState.Pending && h.ExpiresAt > now && (h.ToUserId == userId || (teamId != null && h.ToTeamId == teamId)))
            .Join(db.Cases, h => h.CaseId, c => c.Id, (h, c) => new { h, c })
            .OrderBy(x => x.h.ExpiresAt)
            .Select(x => new OfferWaiting(
                x.h.Id, x.c.Number, x.c.Subject,
                db.Users.Where(u => u.Id == x.h.OfferedById).Select(u => u.DisplayName).First(),
                x.h.ToTeamId != null, x.h.Summary, x.h.ExpiresAt))
            .ToListAsync(cancellationToken);
    }
}
