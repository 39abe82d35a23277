using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Feed;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>
/// The steps every change to a case shares: load it by number, refuse a stale edit, let overdue offers lapse (their
/// offerers are told, and a case that has bounced enough escalates) and promises past their deadline break before
/// anything else, and save with the concurrency check. Who is told what follows from the timeline entries the change
/// appends (<see cref="WhoIsTold"/>, through the feed), never from a list kept beside it.
/// </summary>
public sealed class CaseWork(AppDbContext db, CasePolicy policy, TimeProvider time, FeedSignal feed)
{
    public DateTimeOffset Now { get; } = time.GetUtcNow();

    public CasePolicy Policy => policy;

    public AppDbContext Db => db;

    /// <summary>
    /// A case as a change needs it: with its offers and promises, which lapse and break before the change. Its timeline is
    /// not loaded: new entries are appended without reading old ones. For a caller that reads the case together with
    /// something else in one question, then hands it to <see cref="ReadyAsync"/>.
    /// </summary>
    public IQueryable<Case> Loadable => db.Cases.Include(c => c.HandOffs).Include(c => c.Commitments);

    /// <summary>A case read through <see cref="Loadable"/>, made ready for a change as the loads below make it.</summary>
    public Task<Case> ReadyAsync(Case loaded, CancellationToken cancellationToken) => PrepareAsync(loaded, null, cancellationToken);

    /// <summary>Loads a case for a change.</summary>
    public async Task<Case> LoadAsync(string number, int? expectedVersion, CancellationToken cancellationToken)
    {
        var normalized = CaseNumbers.Normalize(number);
        var @case = await Loadable.FirstOrDefaultAsync(c => c.Number == normalized, cancellationToken)
            ?? throw new NotFoundException("There is no case {0}.", number);
        return await PrepareAsync(@case, expectedVersion, cancellationToken);
    }

    public async Task<Case> LoadByIdAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await Loadable.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new NotFoundException("There is no such case.");
        return await PrepareAsync(@case, null, cancellationToken);
    }

    public async Task<Case> LoadByHandOffAsync(Guid handOffId, CancellationToken cancellationToken)
    {
        var caseId = await db.HandOffs.Where(h => h.Id == handOffId).Select(h => (Guid?)h.CaseId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("There is no such hand-off offer.");
        var @case = await Loadable.FirstAsync(c => c.Id == caseId, cancellationToken);
        return await PrepareAsync(@case, null, cancellationToken);
    }

    /// <summary>Escalates to the team lead of the case's team (or, without one, its responsible manager) when the case has bounced enough.</summary>
    public async Task EscalateIfDueAsync(Case @case, CancellationToken cancellationToken)
    {
        if (@case.EscalationDue(policy) is not { } cause)
            return;
        var leadership = await db.Teams.Where(t => t.Id == @case.TeamId)
            .Select(t => new { t.Id, Lead = t.TeamLeadId ?? t.ResponsibleManagerId })
            .FirstOrDefaultAsync(cancellationToken);
        if (leadership?.Lead is not { } lead)
            return;
        @case.Escalate(cause, lead, leadership.Id, Now);
    }

    /// <summary>
    /// Saves (and commits the caller's transaction, when there is one); a concurrent change to the same case makes this
    /// fail with a conflict and writes nothing. The timeline entries are the news: committed with the change, they reach the
    /// people concerned through the feed, so nobody is told of a change that did not happen, and a crash loses nothing.
    /// </summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (!await TrySaveAsync(cancellationToken))
            throw new ConflictException("Someone else changed this case at the same moment. Reload it and try again.");
    }

    /// <summary>
    /// Saves as <see cref="SaveAsync"/> does, but answers false when someone else changed the case at the same moment.
    /// Nothing was written then, and what this attempt changed is forgotten, so that the caller can load the case
    /// again and see what the other did.
    /// </summary>
    public async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        if (db.Database.CurrentTransaction is { } transaction)
            await transaction.CommitAsync(cancellationToken);
        feed.Poke();
        return true;
    }

    private async Task<Case> PrepareAsync(Case @case, int? expectedVersion, CancellationToken cancellationToken)
    {
        if (expectedVersion is { } expected && expected != @case.Version)
            throw new ConflictException("Case {0} has changed since you opened it. Reload it and try again.", @case.Number);
        if (@case.ExpireHandOffs(Now).Count > 0)
            await EscalateIfDueAsync(@case, cancellationToken);
        @case.BreakDueCommitments(Now);
        return @case;
    }
}
