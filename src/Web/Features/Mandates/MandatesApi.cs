using System.Security.Claims;
using Moment.Application.Mandates;
using Moment.Application.Staff;
using Moment.Web.Security;

namespace Moment.Web.Features.Mandates;

/// <summary>
/// Mandates (principle 4): everyone reads the limits and their own; managers and administrators set them
/// (<see cref="MandateRules"/>); whoever serves customers uses theirs on a case; those who oversee read the report.
/// </summary>
internal static class MandatesApi
{
    public static RouteGroupBuilder MapMandatesApi(this RouteGroupBuilder api)
    {
        var mandates = api.MapGroup("/mandates").WithTags("Mandates");
        mandates.MapGet("/limits", async (MandateLimits limits, CancellationToken ct) => TypedResults.Ok(await limits.ListAsync(ct)))
            .WithSummary("The authority limits: per role, and per person as an exception, by kind, in kronor per case and per month.");
        mandates.MapPut("/limits", async (SetLimitRequest body, ClaimsPrincipal user, StaffCards cards, MandateLimits limits, CancellationToken ct) =>
                TypedResults.Ok(await limits.SetAsync(await user.ActorAsync(cards, ct), body, ct)))
            .RequireAuthorization(policy => policy.RequireRole(StaffRoles.ManagingAll))
            .WithSummary("Sets the limit of a role (role) or a person's exception (userId) for a kind: perCase and perMonth in kronor. Managers and administrators.");
        mandates.MapGet("/mine", async (ClaimsPrincipal user, StaffCards cards, MandateLimits limits, CancellationToken ct) =>
                TypedResults.Ok(await limits.MineAsync(await user.ActorAsync(cards, ct), ct)))
            .WithSummary("Your mandate: every kind you may give, per case and per month, and what is left of it this month.");
        mandates.MapGet("/report", async (int? year, int? month, MandateReport report, TimeProvider time, CancellationToken ct) =>
            {
                var now = time.GetUtcNow();
                return TypedResults.Ok(await report.HandleAsync(year ?? now.Year, month ?? now.Month, ct));
            })
            .RequireAuthorization(StaffPolicies.Overseers)
            .WithSummary("Every use of the mandate in a month (default: this one), per team and kind: uses and kronor within the mandate, requests above it. Never per person.");
        api.MapPost("/cases/{number}/mandate", async (string number, UseMandateRequest body, ClaimsPrincipal user, StaffCards cards, UseMandate use, CancellationToken ct) =>
                TypedResults.Ok(await use.HandleAsync(number, body, await user.ActorAsync(cards, ct), ct)))
            .WithTags("Mandates")
            .RequireAuthorization(StaffPolicies.CaseWorker)
            .WithSummary("Uses your mandate on the case: kind, amount (kronor), what (the customer's words), deliverWithinBusinessDays when it comes later. "
                + "Within your limits it is done at once; above them it is asked of the nearest named person with the mandate, as a promise with a deadline.");
        return api;
    }
}
