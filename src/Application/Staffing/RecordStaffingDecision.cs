using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Staffing;

namespace Moment.Application.Staffing;

/// <summary>The what-if to freeze, the plan chosen from it (its index), why, and who decides.</summary>
public sealed record RecordStaffingDecisionRequest(WhatIfRequest WhatIf, int ChosenPlan, string Reason, Guid DecidedById);

/// <summary>
/// A manager records a staffing decision. The what-if is run again here, on the server, and frozen with the decision,
/// so the record shows exactly what the decision was based on. Only active managers and administrators decide;
/// leadership reads the decisions but does not record them.
/// </summary>
public sealed class RecordStaffingDecision(AppDbContext db, CompareStaffingPlans compare, TimeProvider time)
{
    public async Task<StaffingDecisionView> HandleAsync(RecordStaffingDecisionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decider = await db.Users.AsNoTracking()
            .Where(u => u.Id == request.DecidedById && u.IsActive)
            .Select(u => new
            {
                u.DisplayName,
                MayDecide = (from userRole in db.UserRoles
                             join role in db.Roles on userRole.RoleId equals role.Id
                             where userRole.UserId == u.Id && (role.Name == StaffRoles.Manager || role.Name == StaffRoles.Administrator)
                             select role.Id).Any(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (decider is not { MayDecide: true })
            throw new ForbiddenException("Only managers record staffing decisions.");

        var whatIf = compare.Handle(request.WhatIf, cancellationToken);
        var decision = StaffingDecision.Record(whatIf, request.ChosenPlan, request.Reason, request.DecidedById, time.GetUtcNow());
        db.StaffingDecisions.Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        return new StaffingDecisionView(decision.Id, decision.DecidedAt, decision.DecidedById, decider.DisplayName, decision.ChosenPlan, decision.Reason, decision.WhatIf);
    }
}
