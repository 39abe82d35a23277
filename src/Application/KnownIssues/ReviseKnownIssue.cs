using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.KnownIssues;

namespace Moment.Application.KnownIssues;

/// <summary>Changes what is said about a known issue or where it stands (investigating, workaround); fixed is <see cref="MarkKnownIssueFixed"/>.</summary>
public sealed class ReviseKnownIssue(AppDbContext db, TimeProvider time)
{
    public async Task<KnownIssue> HandleAsync(Actor actor, Guid id, KnownIssueText text, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        KnownIssueRules.RequireRegister(actor);
        var issue = await KnownIssueLoading.LoadAsync(db, id, expectedVersion, cancellationToken);
        issue.Revise(text, time.GetUtcNow());
        await KnownIssueLoading.SaveAsync(db, cancellationToken);
        return issue;
    }
}

internal static class KnownIssueLoading
{
    public static async Task<KnownIssue> LoadAsync(AppDbContext db, Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var issue = await db.KnownIssues.FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new NotFoundException("There is no such known issue.");
        if (expectedVersion is { } expected && expected != issue.Version)
            throw new ConflictException("The known issue “{0}” has changed since you opened it. Reload it and try again.", issue.Title);
        return issue;
    }

    public static async Task SaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone else changed this at the same moment. Reload it and try again.");
        }
    }
}
