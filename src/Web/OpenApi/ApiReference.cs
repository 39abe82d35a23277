using System.Text;
using Scalar.AspNetCore;

namespace Moment.Web.OpenApi;

/// <summary>
/// The API reference at <c>/api-reference</c> (Scalar), kept inside the installation: no fonts from Scalar's CDN (system
/// fonts instead), no telemetry, no AI chat, no MCP and no developer toolbar with its "Deploy" button, all of which reach
/// outside hosts. Light theme in Moment's colours, which meet WCAG AA contrast on white.
/// </summary>
internal static class ApiReference
{
    private const string Theme = """
        .light-mode {
          --scalar-color-1: #1b1f24;
          --scalar-color-2: #3a424d;
          --scalar-color-3: #4a5360;
          --scalar-color-accent: #0b5cad;
          --scalar-color-blue: #0b5cad;
          --scalar-color-green: #1d6b0b;
          --scalar-color-orange: #8a4400;
          --scalar-color-red: #a4161a;
          --scalar-color-purple: #6a3d9a;
          --scalar-color-yellow: #6b5500;
        }
        :root {
          --scalar-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          --scalar-font-code: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        }
        """;

    public const string Path = "/api-reference";

    /// <summary>
    /// Scalar's page is an <c>&lt;html&gt;</c> without a language, which a screen reader needs to pronounce it (WCAG 3.1.1),
    /// and Scalar has no option for it: the page is given <c>lang="en"</c> (the reference is in English) on its way out.
    /// </summary>
    public static IApplicationBuilder UseApiReferenceLanguage(this IApplicationBuilder app) =>
        app.UseWhen(context => HttpMethods.IsGet(context.Request.Method) && context.Request.Path.StartsWithSegments(Path, out var rest)
                && rest.Value is null or "" or "/" or "/index.html",
            page => page.Use(async (context, next) =>
            {
                var original = context.Response.Body;
                using var buffer = new MemoryStream();
                context.Response.Body = buffer;
                try
                {
                    await next(context);
                }
                finally
                {
                    context.Response.Body = original;
                }

                var body = buffer.ToArray();
                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("<html>", "<html lang=\"en\">", StringComparison.Ordinal));
                    context.Response.ContentLength = body.Length;
                }

                await original.WriteAsync(body, context.RequestAborted);
            }));

    public static void Configure(ScalarOptions options) => options
        .WithTitle("Moment API")
        .WithOpenApiRoutePattern("/openapi/{documentName}.json")
        // Scalar's one inline script carries the request's nonce, which the content security policy allows.
        .WithNonce()
        .DisableDefaultFonts()
        .DisableTelemetry()
        .DisableAgent()
        .DisableMcp()
        .HideDeveloperTools()
        .ForceLightMode()
        .HideDarkModeToggle()
        .WithLocalization(new ScalarLocalizationOptions { Locale = "en" })
        .WithCustomCss(Theme);
}
