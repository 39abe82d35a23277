namespace Moment.Web.Components.Forms;

/// <summary>
/// Post, redirect, get: a page's form post that redirects (a page's <c>NavigateTo</c>, sign-in, sign-out, the language
/// switch) answers 303 See Other rather than 302, which says plainly that the browser is to fetch the result with a GET,
/// so that neither a reload nor the back button posts the form again.
/// </summary>
internal static class SeeOtherAfterPost
{
    public static IApplicationBuilder UseSeeOtherAfterPost(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.OnStarting(() =>
                {
                    if (context.Response.StatusCode == StatusCodes.Status302Found)
                        context.Response.StatusCode = StatusCodes.Status303SeeOther;
                    return Task.CompletedTask;
                });
            }

            await next(context);
        });
}
