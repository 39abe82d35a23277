using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.KnownIssues;

/// <summary>
/// Tells the customer of a linked case that the issue is fixed: a public reply on the case (the customer reads it on
/// their page, and it goes out by the case's door), saved together with the promise made when the issue was fixed, now
/// kept. Like every public reply it is for the case's owner, its team lead or a manager.
/// </summary>
public sealed class TellCustomerItIsFixed(CaseWork work)
{
    public async Task HandleAsync(Actor actor, Guid issueId, string caseNumber, string? message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var @case = await work.LoadAsync(caseNumber, null, cancellationToken);
        CaseRules.RequireChange(actor, @case);
        var issue = await work.Db.KnownIssues.AsNoTracking().FirstOrDefaultAsync(i => i.Id == issueId, cancellationToken)
            ?? throw new NotFoundException("There is no such known issue.");
        var link = await work.Db.KnownIssueLinks.FirstOrDefaultAsync(l => l.KnownIssueId == issueId && l.CaseId == @case.Id, cancellationToken)
            ?? throw new ConflictException("Case {0} is not linked to the known issue “{1}”.", @case.Number, issue.Title);
        if (issue.IsActive)
            throw new ConflictException("The known issue “{0}” is not fixed yet.", issue.Title);
        var text = Text.Required(message ?? issue.PublicWording, "Message", CaseEvent.TextMaxLength);
        link.ToldFixed(work.Now);
        @case.AddNote(actor.Id, text, isPublic: true, work.Now);
        if (link.FixPromiseId is { } promiseId && @case.Commitments.Any(c => c.Id == promiseId && c.State is CommitmentState.Open or CommitmentState.Broken && c.KeptAt is null))
            @case.KeepCommitment(promiseId, actor.Id, mayKeepForOthers: true, text, work.Now);
        await work.SaveAsync(cancellationToken);
    }
}
