using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Moment.Web.Problems;

/// <summary>
/// Every answer of a page that is not a success gets a page in the reader's language: the API answers problem+json,
/// a page 404 says "Page not found", a 429 says to wait, any other 4xx says the request could not be handled, and a 5xx says something went wrong.
/// </summary>
internal static class StatusPages
{
    public static IApplicationBuilder UseStatusPages(this IApplicationBuilder app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePages(ShowPageAsync));
        return app;
    }

    /// <summary>
    /// After <c>UseAntiforgery</c>: a page form or form endpoint posted without a valid antiforgery token (a stale tab, a form
    /// on another site) is answered 400 here, before a page writes its developer text or an endpoint throws.
    /// </summary>
    public static IApplicationBuilder UseBadFormPostsAsBadRequests(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Not on a GET: the page that says so is shown by running the pipeline again as a GET, with the feature still set.
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } && !HttpMethods.IsGet(context.Request.Method)
                && !context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return Task.CompletedTask;
            }

            return next(context);
        });

    /// <summary>
    /// Runs the rest of the pipeline again for the page that says what happened, as <c>UseStatusCodePagesWithReExecute</c> does,
    /// but always as a GET: re-running a POST would have the page handle (and refuse) the failed form again.
    /// </summary>
    private static async Task ShowPageAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var code = context.Response.StatusCode;
        var (path, query, method) = (context.Request.Path, context.Request.QueryString, context.Request.Method);
        var routeValues = context.Features.Get<IRouteValuesFeature>();
        context.Features.Set<IStatusCodeReExecuteFeature>(new ReExecution(code)
        {
            OriginalPathBase = context.Request.PathBase.Value ?? "",
            OriginalPath = path.Value ?? "",
            OriginalQueryString = query.HasValue ? query.Value : null,
            Endpoint = context.GetEndpoint(),
            RouteValues = routeValues?.RouteValues,
        });
        context.SetEndpoint(null);
        if (routeValues is not null)
            routeValues.RouteValues = new();
        context.Request.Path = code switch
        {
            StatusCodes.Status404NotFound => "/not-found",
            StatusCodes.Status429TooManyRequests => "/too-many-requests",
            >= StatusCodes.Status500InternalServerError => "/error",
            _ => "/bad-request",
        };
        context.Request.QueryString = QueryString.Empty;
        context.Request.Method = HttpMethods.Get;
        try
        {
            await status.Next(context);
        }
        finally
        {
            (context.Request.Path, context.Request.QueryString, context.Request.Method) = (path, query, method);
            context.Features.Set<IStatusCodeReExecuteFeature>(null);
        }
    }

    /// <summary>What the page shown learns about the request that failed, as the framework's re-execution tells it.</summary>
    private sealed class ReExecution(int originalStatusCode) : IStatusCodeReExecuteFeature
    {
        public string OriginalPathBase { get; set; } = "";

        public string OriginalPath { get; set; } = "";

        public string? OriginalQueryString { get; set; }

        public int OriginalStatusCode => originalStatusCode;

        public Endpoint? Endpoint { get; set; }

        public RouteValueDictionary? RouteValues { get; set; }
    }
}
