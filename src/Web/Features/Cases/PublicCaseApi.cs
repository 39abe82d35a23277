using Moment.Application.Cases;

namespace Moment.Web.Features.Cases;

public sealed record CustomerAnswerBody(string? Comment);

/// <summary>The customer's side, with the token from their link instead of a sign-in. A wrong token is a plain 404.</summary>
internal static class PublicCaseApi
{
    /// <summary>
    /// The customer's answers come from the customer's own device: a request that carries a staff sign-in (cookie or
    /// API token) is refused with a pointer to the staff action (<see cref="CustomerCase.RequireTheCustomer"/>).
    /// </summary>
    public static RouteHandlerBuilder ForTheCustomerOnly(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            CustomerCase.RequireTheCustomer(context.HttpContext.User.Identity?.IsAuthenticated == true);
            return await next(context);
        });

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
            .ForTheCustomerOnly()
            .WithSummary("\"Yes, it is solved.\" For the customer's own device: a signed-in member of staff gets 403 and records the answer with POST /api/cases/{number}/customer-answer.");
        cases.MapPost("/object", async (string token, CustomerAnswerBody? body, CustomerCase customer, CancellationToken ct) =>
            {
                await customer.ObjectAsync(token, body?.Comment, ct);
                return TypedResults.Ok(await customer.GetAsync(token, ct));
            })
            .ForTheCustomerOnly()
            .WithSummary("\"No, it is not solved.\" The case reopens with the same owner. For the customer's own device, as confirm.");
    }
}
