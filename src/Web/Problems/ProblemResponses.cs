namespace Moment.Web.Problems;

/// <summary>
/// An answer of problem+json (RFC 9457) written by a middleware that stops a request before any endpoint runs (a
/// cross-site change, a body too large, too many requests, a missing token): one shape for every such refusal.
/// </summary>
internal static class ProblemResponses
{
    public static async Task WriteProblemAsync(this HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
