using Microsoft.AspNetCore.Http.Features;

namespace Moment.Web.Problems;

/// <summary>
/// What one API request may send. Without a cap one request with 100,000 phone numbers took 96 s and 500 MB; 1 MB is
/// ten times the largest real body (a day's forecast CSV is at most 100,000 characters). A body that says it is larger
/// gets 413 problem+json before anything is read; one that does not say its length is cut off by the server at the cap.
/// </summary>
internal static class ApiBodyLimit
{
    public const long MaxBytes = 1024 * 1024;

    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > MaxBytes)
            {
                await context.WriteProblemAsync(StatusCodes.Status413PayloadTooLarge, "The request is too large",
                    "A request to the API may send at most 1 MB; nothing was saved.");
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = MaxBytes;
            await next(context);
        }));
}
