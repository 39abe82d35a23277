using Microsoft.EntityFrameworkCore;
using Moment.Domain;

namespace Moment.Application.Cases;

public sealed record ReassignCaseRequest(Guid? NewOwnerId, string? Reason, int? ExpectedVersion);

/// <summary>A team lead gives a case to someone else with a written reason, which the timeline keeps.</summary>
public sealed class ReassignCase(CaseWork work)
{
    public async Task HandleAsync(string number, ReassignCaseRequest request, Guid teamLeadId, CancellationToken cancellationToken = default)
    {
        var @case = await work.LoadAsync(number, request.ExpectedVersion, cancellationToken);
        var newOwner = await work.Db.Users.Where(u => u.Id == request.NewOwnerId && u.IsActive)
            .Select(u => new { u.Id, u.TeamId }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("Choose an active member of staff as the new owner.", "NewOwnerId");
        @case.Reassign(teamLeadId, newOwner.Id, newOwner.TeamId, request.Reason ?? "", work.Now);
        await work.SaveAsync(cancellationToken);
    }
}
