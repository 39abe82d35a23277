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
        var newOwner = await NewOwnerAsync(request.NewOwnerId, "NewOwnerId", cancellationToken);
        @case.Reassign(actor.Id, newOwner.Id, newOwner.TeamId, request.Reason ?? "", work.Now);
        await work.SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Whom a case may be given to: an active member of staff who works cases. Asked once when many cases go to the same
    /// person (<see cref="ActOnCases"/>); <paramref name="field"/> is the input that names them.
    /// </summary>
    public async Task<StaffCard> NewOwnerAsync(Guid? newOwnerId, string field, CancellationToken cancellationToken)
    {
        var newOwner = newOwnerId is { } id ? await staff.FindAsync(id, cancellationToken) : null;
        if (newOwner is not { IsActive: true })
            throw new DomainRuleException("Choose an active member of staff as the new owner.", field);
        CaseRules.RequireMayHoldWork(newOwner, field);
        return newOwner;
    }
}
