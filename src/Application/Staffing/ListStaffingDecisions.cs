using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Staffing;

namespace Moment.Application.Staffing;

/// <summary>A recorded staffing decision with the name of who made it and its frozen what-if.</summary>
public sealed record StaffingDecisionView(Guid Id, DateTimeOffset DecidedAt, Guid DecidedById, string DecidedBy, int ChosenPlan, string Reason, WhatIfResult WhatIf)
{
    public PlanOutcome Chosen => WhatIf.Plans[ChosenPlan];
}

/// <summary>The staffing decisions, newest first, for managers and leadership.</summary>
public sealed class ListStaffingDecisions(AppDbContext db)
{
    public Task<IReadOnlyList<StaffingDecisionView>> HandleAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(db.StaffingDecisions, cancellationToken);

    public async Task<StaffingDecisionView?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await QueryAsync(db.StaffingDecisions.Where(d => d.Id == id), cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<StaffingDecisionView>> QueryAsync(IQueryable<StaffingDecision> decisions, CancellationToken cancellationToken) =>
        await decisions.AsNoTracking()
            .OrderByDescending(d => d.DecidedAt)
            .Select(d => new StaffingDecisionView(
                d.Id,
                d.DecidedAt,
                d.DecidedById,
                db.Users.Where(u => u.Id == d.DecidedById).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                d.ChosenPlan,
                d.Reason,
                d.WhatIf))
            .ToListAsync(cancellationToken);
}
