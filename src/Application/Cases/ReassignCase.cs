using Moment.Application.Staff;
using Moment.Domain;

namespace Moment.Application.Cases;

public sealed record ReassignCaseRequest(Guid? NewOwnerId, string? Reason, int? ExpectedVersion);

/// <summary>
/// The case's team lead (or a manager or administrator) gives it to someone else with a written reason, which the
/// timeline keeps. The new owner must work cases.
/// </summary>
public sealed class ReassignCase(CaseWork work, StaffCards staff)
{
    public async Task HandleAsync(string number, ReassignCaseRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        var @case = await work.LoadAsync(number, request.ExpectedVersion, cancellationToken);
        CaseRules.RequireReassign(actor, @case);
        var newOwner = request.NewOwnerId is { } newOwnerId ? await staff.FindAsync(newOwnerId, cancellationToken) : null;
        if (newOwner is not { IsActive: true })
            throw new DomainRuleException("Choose an active member of staff as the new owner.", "NewOwnerId");
        CaseRules.RequireMayHoldWork(newOwner, "NewOwnerId");
        @case.Reassign(actor.Id, newOwner.Id, newOwner.TeamId, request.Reason ?? "", work.Now);
        await work.SaveAsync(cancellationToken);
    }
}
