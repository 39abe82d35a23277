using Microsoft.EntityFrameworkCore;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>
/// The case's details as they should be now, every one as on the form (the team null only for a case without one), and
/// why they change: the reason is on the timeline with the changes.
/// </summary>
public sealed record EditCaseRequest(string? Subject, Guid? CaseTypeId, CasePriority? Priority, Guid? TeamId, string? Reason, int? ExpectedVersion);

/// <summary>
/// The owner, the case's team lead, a manager or an administrator corrects the subject, the case type, the priority or
/// the team; one timeline entry says who changed what from what to what, and why. The owner stays (see <see cref="Case.Edit"/>).
/// </summary>
public sealed class EditCase(CaseWork work, CaseTypes caseTypes)
{
    public async Task HandleAsync(string number, EditCaseRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        var @case = await work.LoadAsync(number, request.ExpectedVersion, cancellationToken);
        CaseRules.RequireChange(actor, @case);
        var caseTypeId = await CaseTypeAsync(request.CaseTypeId, cancellationToken);
        var priority = Priority(request.Priority);
        if (request.TeamId is { } teamId && teamId != @case.TeamId && !await work.Db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken))
            throw new DomainRuleException("That team does not exist.", "TeamId");
        @case.Edit(actor.Id, new CaseEdit(request.Subject, caseTypeId, priority, request.TeamId), request.Reason ?? "", work.Now);
        await work.SaveAsync(cancellationToken);
    }

    /// <summary>A case type that exists; asked once when many cases change to it (<see cref="ActOnCases"/>).</summary>
    public async Task<Guid> CaseTypeAsync(Guid? caseTypeId, CancellationToken cancellationToken) =>
        caseTypeId is { } id && await caseTypes.FindAsync(id, cancellationToken) is not null
            ? id
            : throw new DomainRuleException("That case type does not exist.", "CaseTypeId");

    public static CasePriority Priority(CasePriority? priority) =>
        priority ?? throw new DomainRuleException("Choose a priority: low, normal, high or urgent.", "Priority");
}
