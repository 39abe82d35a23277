using Moment.Application.Cases;

namespace Moment.Web.Features.Cases;

public sealed record CustomerAnswerBody(string? Comment);

/// <summary>The customer's side, with the token from their link instead of a sign-in. A wrong token is a plain 404.</summary>
internal static class PublicCaseApi
{
    public static void MapPublicCaseApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/public/cases/{token}").WithTags("Customer").AllowAnonymous();
        cases.MapGet("/", async (string token, CustomerCase customer, CancellationToken ct) => TypedResults.Ok(await customer.GetAsync(token, ct)))
            .WithSummary("The customer's view: status, the owner's first name and team, the proposed resolution, public updates.");
        cases.MapPost("/confirm", async (string token, CustomerAnswerBody? body, CustomerCase customer, CancellationToken ct) =>
            {
                await customer.ConfirmAsync(token, body?.Comment, ct);
                return TypedResults.Ok(await customer.GetAsync(token, ct));
            })
            .WithSummary("\"Yes, it is solved.\"");
        cases.MapPost("/object", async (string token, CustomerAnswerBody? body, CustomerCase customer, CancellationToken ct) =>
            {
                await customer.ObjectAsync(token, body?.Comment, ct);
                return TypedResults.Ok(await customer.GetAsync(token, ct));
            })
            .WithSummary("\"No, it is not solved.\" The case reopens with the same owner.");
    }
}
