using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

public sealed record OfferWaiting(Guid HandOffId, string Number, string Subject, string OfferedBy, bool ToMyTeam, string Summary, DateTimeOffset ExpiresAt);

/// <summary>
/// An offer of mine that came back: declined (by <paramref name="DeclinedBy"/>, with the reason) or lapsed unanswered
/// (<paramref name="DeclinedBy"/> null). I still own the case.
/// </summary>
public sealed record OfferReturned(Guid HandOffId, string Number, string Subject, string? DeclinedBy, string? Reason, DateTimeOffset At);

/// <summary>Offers waiting for this person's answer (addressed to them, or to their team), and their own offers that came back.</summary>
public sealed class ListOffers(AppDbContext db, TimeProvider time)
{
    /// <summary>The most returned offers the desk lists: the newest first.</summary>
    public const int MaxReturned = 20;

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

    /// <summary>
    /// The offerer is told: offers this person made that were declined or lapsed, on open cases they still own, until
    /// they offer the case again or propose its resolution.
    /// </summary>
    public async Task<IReadOnlyList<OfferReturned>> ReturnedAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.HandOffs.AsNoTracking()
            .Where(h => h.OfferedById == userId && (h.State == HandOffState.Declined || h.State == HandOffState.Expired) && h.AnsweredAt != null)
            .Join(db.Cases, h => h.CaseId, c => c.Id, (h, c) => new { h, c })
            .Where(x => x.c.OwnerId == userId && x.c.Status == CaseStatus.Open
                && !db.HandOffs.Any(other => other.CaseId == x.c.Id && (other.State == HandOffState.Pending || other.OfferedAt > x.h.OfferedAt)))
            .OrderByDescending(x => x.h.AnsweredAt)
            .Take(MaxReturned)
            .Select(x => new OfferReturned(
                x.h.Id, x.c.Number, x.c.Subject,
                x.h.AnsweredById == null ? null : db.Users.Where(u => u.Id == x.h.AnsweredById).Select(u => u.DisplayName).First(),
                x.h.DeclineReason, x.h.AnsweredAt!.Value))
            .ToListAsync(cancellationToken);
}
