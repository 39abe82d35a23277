using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Calendar;

namespace Moment.Web.Localization;

/// <summary>
/// Which clock a reader sees, on one rule: staff read their own team's business calendar zone (no team: the Swedish
/// calendar's), on every staff page, for everything on it, a case's timeline, offers and promises included, so that
/// one page never mixes two clocks and "answer before" compares with the clock on the reader's wall. A customer reads
/// their case's team's zone. The API keeps its own rule: instants in UTC, promise deadlines on the clock of the team
/// that counts them (<c>CommitmentView</c>).
/// </summary>
public sealed class Clocks(AppDbContext db, TimeProvider time)
{
    public async Task<Clock> ForStaffAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var teamId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TeamId).FirstOrDefaultAsync(cancellationToken);
        return await ForTeamAsync(teamId, cancellationToken);
    }

    /// <summary>For a page that already knows the reader's team (or the customer's case's team).</summary>
    public async Task<Clock> ForTeamAsync(Guid? teamId, CancellationToken cancellationToken = default)
    {
        var settings = teamId is { } id
            ? await db.Teams.AsNoTracking().Where(t => t.Id == id).Select(t => t.Calendar).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new Clock(BusinessCalendar.ZoneOf(settings), time.GetUtcNow());
    }

    /// <summary>The customer's page, reached by the token in their link.</summary>
    public async Task<Clock> ForCustomerAsync(string token, CancellationToken cancellationToken = default)
    {
        var teamId = await db.Cases.AsNoTracking().Where(c => c.CustomerToken == token).Select(c => c.TeamId).FirstOrDefaultAsync(cancellationToken);
        return await ForTeamAsync(teamId, cancellationToken);
    }
}
