using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain.KnownIssues;

namespace Moment.Application.KnownIssues;

/// <summary>
/// One tap: this case is caused by that known issue. Any member of staff who serves customers links (every door opens
/// every case). Tapping again, or a colleague tapping at the same moment, finds the link already there.
/// </summary>
public sealed class LinkCaseToKnownIssue(AppDbContext db, TimeProvider time)
{
    public async Task<(KnownIssueLink Link, bool IsNew)> HandleAsync(Actor actor, Guid issueId, string caseNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        CaseRules.RequireWork(actor);
        var number = CaseNumbers.Normalize(caseNumber ?? "");
        var caseId = await db.Cases.Where(c => c.Number == number).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("There is no case {0}.", caseNumber ?? "");
        var issue = await db.KnownIssues.AsNoTracking().FirstOrDefaultAsync(i => i.Id == issueId, cancellationToken)
            ?? throw new NotFoundException("There is no such known issue.");
        if (await ExistingAsync(issueId, caseId, cancellationToken) is { } existing)
            return (existing, false);
        var link = KnownIssueLink.Link(issue, caseId, actor.Id, time.GetUtcNow());
        db.KnownIssueLinks.Add(link);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (link, true);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (await ExistingAsync(issueId, caseId, cancellationToken) ?? throw new InvalidOperationException("The link was neither saved nor found."), false);
        }
    }

    private Task<KnownIssueLink?> ExistingAsync(Guid issueId, Guid caseId, CancellationToken cancellationToken) =>
        db.KnownIssueLinks.AsNoTracking().FirstOrDefaultAsync(l => l.KnownIssueId == issueId && l.CaseId == caseId, cancellationToken);
}
