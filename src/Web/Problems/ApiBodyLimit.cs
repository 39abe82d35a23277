using Microsoft.AspNetCore.Http.Features;
using Moment.Application.Cases;

namespace Moment.Web.Problems;

/// <summary>
/// What one API request may send. Without a cap one request with 100,000 phone numbers took 96 s and 500 MB; 1 MB is
/// ten times the largest real body (a day's forecast CSV is at most 100,000 characters). A body that says it is larger
/// gets 413 problem+json before anything is read; one that does not say its length is cut off by the server at the cap.
/// A file put on a case (<c>POST /api/cases/{number}/files</c>) may be as large as <see cref="CaseFiles.MaxBytes"/>, and
/// its form 1 MB more, so that a file just over that limit is told so by the case's own refusal, at the field.
/// </summary>
internal static class ApiBodyLimit
{
    public const long MaxBytes = 1024 * 1024;

    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.Use(async (context, next) =>
        {
            var max = IsFileUpload(context.Request) ? CaseFiles.MaxBytes + MaxBytes : MaxBytes;
            if (context.Request.ContentLength > max)
            {
                await context.WriteProblemAsync(StatusCodes.Status413PayloadTooLarge, "The request is too large",
                    $"A request to the API may send at most {max / (1024 * 1024)} MB; nothing was saved.");
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = max;
            await next(context);
        }));

    private static bool IsFileUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) is ["api", "cases", _, "files"];
}
