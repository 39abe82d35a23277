using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Moment.Application.Cases;
using Moment.Application.KnownIssues;
using Moment.Application.Staff;
using Moment.Domain.KnownIssues;
using Moment.Web.Security;

namespace Moment.Web.Features.KnownIssues;

/// <summary>A known issue as registered or revised; <c>status</c> is investigating or workaround (fixed has its own call).</summary>
public sealed record KnownIssueBody(string? Title, string? Product, string? Symptoms, string? Workaround, KnownIssueStatus? Status,
    DateOnly? ExpectedFixOn, string? PublicWording, int? ExpectedVersion)
{
    public KnownIssueText Text => new(Title, Product, Symptoms, Workaround, Status ?? KnownIssueStatus.Investigating, ExpectedFixOn, PublicWording);
}

public sealed record LinkCaseBody(string? CaseNumber);

public sealed record LinkCaseResponse(Guid KnownIssueId, string CaseNumber, bool IsNew);

public sealed record MarkFixedResponse(int PromisesMade);

public sealed record TellFixedBody(string? Message);

/// <summary>
/// Known issues (principle 5): everyone reads them, team leads, managers and administrators register and change them
/// (<see cref="KnownIssueRules"/>), whoever serves customers links a case to one. Failure demand per issue and week.
/// </summary>
internal static class KnownIssuesApi
{
    public static RouteGroupBuilder MapKnownIssuesApi(this RouteGroupBuilder api)
    {
        var issues = api.MapGroup("/known-issues").WithTags("Known issues");
        issues.MapGet("/", async (bool? active, string? text, KnownIssueViews views, CancellationToken ct) =>
                TypedResults.Ok(string.IsNullOrWhiteSpace(text) ? await views.ListAsync(active == true, ct) : await views.MatchingAsync(text, ct)))
            .WithSummary("Known issues, active first; active=true leaves out the fixed; text=… gives the active ones that text speaks of, best first.");
        issues.MapGet("/{id:guid}", async (Guid id, KnownIssueViews views, CancellationToken ct) => TypedResults.Ok(await views.GetAsync(id, ct)))
            .WithSummary("One known issue with the cases linked to it and whether their customers were told it is fixed.");
        issues.MapGet("/for-case/{number}", async (string number, KnownIssueViews views, CancellationToken ct) => TypedResults.Ok(await views.ForCaseAsync(number, ct)))
            .WithSummary("The known issues a case is linked to, and the active ones its text speaks of.");
        issues.MapGet("/failure-demand", async (DateOnly? from, DateOnly? to, FailureDemand report, CancellationToken ct) => TypedResults.Ok(await report.HandleAsync(from, to, ct)))
            .WithSummary("Failure demand: inbound contacts on cases linked to each known issue, per ISO week on the Swedish calendar (default: the last 8 weeks; at most 53).");
        issues.MapPost("/", async (KnownIssueBody body, ClaimsPrincipal user, StaffCards cards, RegisterKnownIssue register, KnownIssueViews views, CancellationToken ct) =>
            {
                var issue = await register.HandleAsync(await user.ActorAsync(cards, ct), body.Text, ct);
                return TypedResults.Created($"/api/known-issues/{issue.Id}", await views.GetAsync(issue.Id, ct));
            })
            .RequireAuthorization(StaffPolicies.TeamLeadership)
            .WithSummary("Registers a known issue: title, product, symptoms, workaround, status, expected fix date, public wording. Team leads, managers, administrators.");
        issues.MapPut("/{id:guid}", async (Guid id, KnownIssueBody body, ClaimsPrincipal user, StaffCards cards, ReviseKnownIssue revise, KnownIssueViews views, CancellationToken ct) =>
            {
                await revise.HandleAsync(await user.ActorAsync(cards, ct), id, body.Text, body.ExpectedVersion, ct);
                return TypedResults.Ok(await views.GetAsync(id, ct));
            })
            .RequireAuthorization(StaffPolicies.TeamLeadership)
            .WithSummary("Changes a known issue (give expectedVersion to be told of someone else's save). A fixed issue stays fixed.");
        issues.MapPost("/{id:guid}/fixed", async (Guid id, MarkKnownIssueFixedRequest? body, ClaimsPrincipal user, StaffCards cards, MarkKnownIssueFixed fix, CancellationToken ct) =>
                TypedResults.Ok(new MarkFixedResponse(await fix.HandleAsync(await user.ActorAsync(cards, ct), id, body ?? new MarkKnownIssueFixedRequest(null, null), ct))))
            .RequireAuthorization(StaffPolicies.TeamLeadership)
            .WithSummary("Marks the issue fixed: every linked case whose customer was not yet told gets a promise (promiseWording, in the customer's words), kept by the case's owner within 2 business days.");
        issues.MapPost("/{id:guid}/cases", async Task<Results<Created<LinkCaseResponse>, Ok<LinkCaseResponse>>> (
                Guid id, LinkCaseBody body, ClaimsPrincipal user, StaffCards cards, LinkCaseToKnownIssue link, CancellationToken ct) =>
            {
                var (linked, isNew) = await link.HandleAsync(await user.ActorAsync(cards, ct), id, body.CaseNumber ?? "", ct);
                var response = new LinkCaseResponse(linked.KnownIssueId, CaseNumbers.Normalize(body.CaseNumber ?? ""), isNew);
                return isNew ? TypedResults.Created($"/api/known-issues/{id}", response) : TypedResults.Ok(response);
            })
            .RequireAuthorization(StaffPolicies.CaseWorker)
            .WithSummary("Links a case to the known issue (one tap; again answers 200 with the link). Any member of staff who serves customers.");
        issues.MapPost("/{id:guid}/cases/{number}/told", async (Guid id, string number, TellFixedBody? body, ClaimsPrincipal user, StaffCards cards,
                TellCustomerItIsFixed tell, CancellationToken ct) =>
            {
                await tell.HandleAsync(await user.ActorAsync(cards, ct), id, number, body?.Message, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(StaffPolicies.CaseWorker)
            .WithSummary("Tells the customer the issue is fixed: a public reply (default: the public wording), which keeps the promise made when it was fixed.");
        return api;
    }
}
