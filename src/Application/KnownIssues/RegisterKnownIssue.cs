using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain.KnownIssues;

namespace Moment.Application.KnownIssues;

/// <summary>Registers a known issue, so that everyone who meets a customer knows of it (principle 5).</summary>
public sealed class RegisterKnownIssue(AppDbContext db, TimeProvider time)
{
    public async Task<KnownIssue> HandleAsync(Actor actor, KnownIssueText text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        KnownIssueRules.RequireRegister(actor);
        var issue = KnownIssue.Register(text, actor.Id, time.GetUtcNow());
        db.KnownIssues.Add(issue);
        await db.SaveChangesAsync(cancellationToken);
        return issue;
    }
}
