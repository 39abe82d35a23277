using Moment.Application.Commitments;
using Moment.Web.Features.Cases;

namespace Moment.Web.Features.Commitments;

/// <summary>What the customer is told when they ask for the manager: the name, never hidden, and the deadline.</summary>
public sealed record PublicManagerRequest(string ManagerName, DateTimeOffset Deadline, bool IsNew);

/// <summary>What the customer is told after "yes, you may contact me": who will, by when.</summary>
public sealed record PublicConsent(string KeeperFirstName, DateTimeOffset Deadline, bool IsNew);

/// <summary>The customer's promises, with the token from their link instead of a sign-in. A wrong token is a plain 404.</summary>
internal static class PublicPromiseApi
{
    public static void MapPublicPromiseApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/public/cases/{token}").WithTags("Customer").AllowAnonymous();
        cases.MapPost("/manager-request", async (string token, RequestManager request, CancellationToken ct) =>
            {
                var outcome = await request.ByCustomerAsync(token, ct);
                return TypedResults.Ok(new PublicManagerRequest(outcome.ManagerName, outcome.Deadline, outcome.IsNew));
            })
            .ForTheCustomerOnly()
            .WithSummary("\"I want to talk to the responsible manager.\" Answers with the manager's full name and the deadline (1 business day); asking again answers with the same request.");
        cases.MapPost("/consent", async (string token, GiveConsent consent, CancellationToken ct) =>
            {
                var outcome = await consent.ByCustomerAsync(token, ct);
                var keeper = outcome.FollowUp.Keeper.Name;
                return TypedResults.Ok(new PublicConsent(keeper.Split(' ', 2)[0], outcome.FollowUp.Deadline, outcome.IsNew));
            })
            .ForTheCustomerOnly()
            .WithSummary("\"Yes, you may contact me.\" A promise that the owner contacts the customer within 2 business days.");
    }
}
