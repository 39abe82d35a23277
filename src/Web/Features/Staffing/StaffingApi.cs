using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Moment.Application.Staffing;
using Moment.Domain;
using Moment.Web.Security;

namespace Moment.Web.Features.Staffing;

/// <summary>Erlang C and A, the staffing what-if (simulations) and the decision log, for managers, team leads and leadership.</summary>
internal static class StaffingApi
{
    public static RouteGroupBuilder MapStaffingApi(this RouteGroupBuilder api)
    {
        var staffing = api.MapGroup("/staffing").WithTags("Staffing")
            .RequireAuthorization(policy => policy.RequireRole(StaffingAccess.ViewerRoles));

        staffing.MapPost("/erlang-c", (ErlangBody body, CalculateErlangC erlangC) => TypedResults.Ok(erlangC.Handle(body.ToRequest())))
            .WithSummary("Erlang C for one interval: the agents needed for the targets (then shrinkage), or what given agents achieve.");
        staffing.MapPost("/erlang-a", (ErlangBody body, CalculateErlangA erlangA) => TypedResults.Ok(erlangA.Handle(body.ToRequest())))
            .WithSummary("Erlang A (callers hang up after an exponential patience) for one interval: what agents achieve, or how many are needed.");
        staffing.MapPost("/simulations", (WhatIfBody body, CompareStaffingPlans compare, CancellationToken ct) => TypedResults.Ok(compare.Handle(body.ToRequest(), ct)))
            .WithSummary("The what-if: staffing plans compared on a forecast by simulating the day, per interval and for the day, with the cost that leaks.");
        staffing.MapGet("/demo-forecast", () => TypedResults.Text(ForecastCsv.Write(DemoForecast.Day), "text/csv"))
            .WithSummary("The demo forecast as CSV, the format the simulations and 'moment staffing simulate' read.");

        staffing.MapGet("/decisions", (ListStaffingDecisions list, CancellationToken ct) => list.HandleAsync(ct))
            .WithSummary("The staffing decisions, newest first, each with the what-if it was based on.");
        staffing.MapGet("/decisions/{id:guid}", GetDecisionAsync).WithSummary("One staffing decision with its frozen what-if.");
        staffing.MapPost("/decisions", RecordDecisionAsync)
            .RequireAuthorization(policy => policy.RequireRole(StaffingAccess.DeciderRoles))
            .WithSummary("Records a staffing decision (managers): the what-if is run and frozen with the plan chosen and the reason.");
        return api;
    }

    private static async Task<Results<Ok<StaffingDecisionView>, NotFound>> GetDecisionAsync(Guid id, ListStaffingDecisions list, CancellationToken ct) =>
        await list.FindAsync(id, ct) is { } decision ? TypedResults.Ok(decision) : TypedResults.NotFound();

    private static async Task<Created<StaffingDecisionView>> RecordDecisionAsync(DecisionBody body, ClaimsPrincipal user, RecordStaffingDecision record, CancellationToken ct)
    {
        var whatIf = (body.WhatIf ?? throw new DomainRuleException("whatIf is required: the what-if the decision is based on.", "WhatIf")).ToRequest();
        var decision = await record.HandleAsync(
            new RecordStaffingDecisionRequest(whatIf, body.ChosenPlan ?? -1, body.Reason ?? "", user.StaffId()), ct);
        return TypedResults.Created($"/api/staffing/decisions/{decision.Id}", decision);
    }
}
