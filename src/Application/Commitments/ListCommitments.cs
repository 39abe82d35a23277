using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Cases;

namespace Moment.Application.Commitments;

/// <summary>
/// Which promises to list. <paramref name="Unkept"/>: open, or broken and not yet kept late (the call is still owed).
/// <paramref name="DueBefore"/> is exclusive.
/// </summary>
public sealed record CommitmentFilter(
    Guid? KeeperId = null, CommitmentState? State = null, DateTimeOffset? DueBefore = null, CommitmentKind? Kind = null, bool Unkept = false, int Limit = 200,
    IReadOnlyCollection<Guid>? TeamIds = null);

/// <summary>Promises by keeper, state and deadline, soonest deadline first, with case number, customer and keeper's name.</summary>
public sealed class ListCommitments(AppDbContext db, CommitmentViews views, PromiseCalendars calendars, TimeProvider time)
{
    public async Task<IReadOnlyList<CommitmentView>> HandleAsync(CommitmentFilter filter, CancellationToken cancellationToken = default)
    {
        var query = db.Commitments.AsNoTracking();
        if (filter.KeeperId is { } keeper)
            query = query.Where(c => c.KeeperId == keeper);
        if (filter.State is { } state)
            query = query.Where(c => c.State == state);
        if (filter.TeamIds is { } teams)
            query = query.Where(c => c.TeamId != null && teams.Contains(c.TeamId.Value));
        if (filter.Kind is { } kind)
            query = query.Where(c => c.Kind == kind);
        if (filter.Unkept)
            query = query.Where(c => c.State == CommitmentState.Open || (c.State == CommitmentState.Broken && c.KeptAt == null));
        if (filter.DueBefore is { } dueBefore)
        {
            // PostgreSQL takes only UTC instants as parameters; a caller may well send +01:00.
            var before = dueBefore.ToUniversalTime();
            query = query.Where(c => c.Deadline < before);
        }

        var found = await query.OrderBy(c => c.Deadline).ThenBy(c => c.Id).Take(Math.Clamp(filter.Limit, 1, 1000)).ToListAsync(cancellationToken);
        return await views.DescribeAsync(found, cancellationToken);
    }

    public async Task<CommitmentView> ByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        await views.DescribeAsync(
            await db.Commitments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("There is no such promise."),
            cancellationToken);

    /// <summary>
    /// A manager's inbox: customers who asked for them, whose call is still owed (open, or broken and not yet made).
    /// </summary>
    public Task<IReadOnlyList<CommitmentView>> ManagerInboxAsync(Guid managerId, CancellationToken cancellationToken = default) =>
        HandleAsync(new CommitmentFilter(KeeperId: managerId, Kind: CommitmentKind.ManagerContact, Unkept: true), cancellationToken);

    /// <summary>
    /// What a team lead (or responsible manager) is told when a promise breaks: their teams' broken promises whose call
    /// is still owed, oldest deadline first.
    /// </summary>
    public async Task<IReadOnlyList<CommitmentView>> BrokenInTeamsLedByAsync(Guid leaderId, CancellationToken cancellationToken = default)
    {
        var teams = await db.Teams.Where(t => t.TeamLeadId == leaderId || t.ResponsibleManagerId == leaderId).Select(t => t.Id).ToListAsync(cancellationToken);
        return teams.Count == 0
            ? []
            : await HandleAsync(new CommitmentFilter(State: CommitmentState.Broken, Unkept: true, TeamIds: teams), cancellationToken);
    }

    /// <summary>
    /// The keeper's "today": promises still owed that fall due before the end of today's business day in their team's
    /// calendar (on a closed day, the next business day's), and those already broken but not yet kept.
    /// </summary>
    public async Task<IReadOnlyList<CommitmentView>> TodayAsync(Guid keeperId, CancellationToken cancellationToken = default)
    {
        var teamId = await db.Users.Where(u => u.Id == keeperId).Select(u => u.TeamId).FirstOrDefaultAsync(cancellationToken);
        var calendar = await calendars.ForAsync(teamId, null, cancellationToken);
        var endOfDay = calendar.AddBusinessDays(time.GetUtcNow(), 0);
        return await HandleAsync(new CommitmentFilter(KeeperId: keeperId, Unkept: true, DueBefore: endOfDay.AddTicks(1)), cancellationToken);
    }
}
