using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Moment.Application.Commitments;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Web.Security;

namespace Moment.Web.Features.Commitments;

/// <summary>A manager request as the one who asked is told it: the manager's full name and the deadline, at once.</summary>
public sealed record ManagerRequestResponse(string ManagerName, DateTimeOffset Deadline, bool IsNew, CommitmentView Request);

/// <summary>
/// Promises (commitments), manager requests and consent. Deadlines are ISO 8601 on the clock of the team that counts
/// them (a Stockholm deadline says +01:00 or +02:00); every promise names its keeper.
/// </summary>
internal static class CommitmentsApi
{
    public static RouteGroupBuilder MapCommitmentsApi(this RouteGroupBuilder api)
    {
        var onCase = api.MapGroup("/cases/{number}").WithTags("Promises").RequireAuthorization(StaffPolicies.CaseWorker);
        onCase.MapPost("/commitments", async (string number, MakeCommitmentRequest body, ClaimsPrincipal user, StaffCards cards, MakeCommitment make, ListCommitments list, CancellationToken ct) =>
            {
                var made = await make.HandleAsync(number, body, await user.ActorAsync(cards, ct), ct);
                return TypedResults.Created($"/api/commitments/{made.Id}", await list.ByIdAsync(made.Id, ct));
            })
            .WithSummary("Makes a promise on the case; 'what' is in the customer's words, and the customer reads it. Keeper by id or email (default: you). Deadline exactly one of: "
                + "'deadline' (ISO 8601), 'withinBusinessDays', 'withinBusinessHours', 'nextBusinessDayAt' (\"15:00\": tomorrow before 15:00), "
                + "counted in the keeper's team's calendar, else the case's team's.");
        onCase.MapPost("/manager-requests", async Task<Results<Created<ManagerRequestResponse>, Ok<ManagerRequestResponse>>> (
                string number, RequestManagerRequest? body, ClaimsPrincipal user, StaffCards cards, RequestManager request, CancellationToken ct) =>
            {
                var outcome = await request.HandleAsync(number, body ?? new RequestManagerRequest(null), await user.ActorAsync(cards, ct), ct);
                var response = new ManagerRequestResponse(outcome.ManagerName, outcome.Deadline, outcome.IsNew, outcome.Request);
                return outcome.IsNew ? TypedResults.Created($"/api/commitments/{outcome.Request.Id}", response) : TypedResults.Ok(response);
            })
            .WithSummary("Records that the customer asks for the responsible manager: a promise kept by the case's team's named manager within 1 business day. "
                + "While one is open, answers 200 with it instead of making another. The customer reads 'what' (optional).");
        onCase.MapPost("/consent", async (string number, ClaimsPrincipal user, StaffCards cards, GiveConsent consent, CancellationToken ct) =>
                TypedResults.Ok((await consent.HandleAsync(number, await user.ActorAsync(cards, ct), ct)).FollowUp))
            .WithSummary("Records the customer's \"yes, you may contact me\": a promise kept by the case owner within 2 business days.");

        var commitments = api.MapGroup("/commitments").WithTags("Promises");
        commitments.MapGet("/", ListAsync)
            .WithSummary("Promises by keeper ('me' or an email), state (open, kept, broken, withdrawn) and deadline ('dueBefore', ISO 8601), soonest first.");
        commitments.MapGet("/today", async (ClaimsPrincipal user, ListCommitments list, CancellationToken ct) => TypedResults.Ok(await list.TodayAsync(user.StaffId(), ct)))
            .WithSummary("Your promises due before the end of today's business day, and those broken but still not kept.");
        commitments.MapGet("/manager-inbox", async (ClaimsPrincipal user, ListCommitments list, CancellationToken ct) => TypedResults.Ok(await list.ManagerInboxAsync(user.StaffId(), ct)))
            .WithSummary("Customers who asked for you as their responsible manager and are still owed the call.");
        commitments.MapGet("/{id:guid}", async (Guid id, ListCommitments list, CancellationToken ct) => TypedResults.Ok(await list.ByIdAsync(id, ct)))
            .WithSummary("One promise.");
        commitments.MapPost("/{id:guid}/keep", async (Guid id, KeepCommitmentRequest body, ClaimsPrincipal user, StaffCards cards, KeepCommitment keep, ListCommitments list, CancellationToken ct) =>
            {
                await keep.HandleAsync(id, body, await user.ActorAsync(cards, ct), ct);
                return TypedResults.Ok(await list.ByIdAsync(id, ct));
            })
            .RequireAuthorization(StaffPolicies.CaseWorker)
            .WithSummary("Marks a promise kept, saying how: for staff only, the customer reads that the promise was kept, in its own words. "
                + "Yours; or anyone's as team lead, manager or administrator (else 403). After the deadline: kept late, still broken.");
        commitments.MapPost("/{id:guid}/withdraw", async (Guid id, WithdrawCommitmentRequest body, ClaimsPrincipal user, StaffCards cards, WithdrawCommitment withdraw, ListCommitments list, CancellationToken ct) =>
            {
                await withdraw.HandleAsync(id, body, await user.ActorAsync(cards, ct), ct);
                return TypedResults.Ok(await list.ByIdAsync(id, ct));
            })
            .RequireAuthorization(StaffPolicies.CaseWorker)
            .WithSummary("Withdraws an open promise with a reason ('reason', required), which the customer reads on their page.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<CommitmentView>>> ListAsync(
        string? keeper, string? state, string? kind, string? dueBefore, int? limit, ClaimsPrincipal user, StaffCards cards, ListCommitments list, CancellationToken ct)
    {
        Guid? keeperId = keeper switch
        {
            null or "" => null,
            "me" => user.StaffId(),
            _ => (await cards.FindByEmailAsync(keeper, ct))?.Id
                ?? throw new DomainRuleException("No member of staff has the email address {0}.", "keeper", keeper),
        };
        CommitmentState? wanted = state switch
        {
            null or "" => null,
            _ when Enum.TryParse<CommitmentState>(state, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) => parsed,
            _ => throw new DomainRuleException("Unknown state '{0}'. Use open, kept, broken or withdrawn.", "state", state),
        };
        CommitmentKind? wantedKind = kind switch
        {
            null or "" => null,
            _ when Enum.TryParse<CommitmentKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) => parsed,
            _ => throw new DomainRuleException("Unknown kind of promise '{0}'.", "kind", kind),
        };
        DateTimeOffset? before = dueBefore switch
        {
            null or "" => null,
            _ when DateTimeOffset.TryParse(dueBefore, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
            _ => throw new DomainRuleException("'{0}' is not a date and time. Use ISO 8601, such as 2026-11-24T15:00:00+01:00.", "dueBefore", dueBefore),
        };
        return TypedResults.Ok(await list.HandleAsync(new CommitmentFilter(keeperId, wanted, before, wantedKind, Limit: limit ?? 200), ct));
    }
}
