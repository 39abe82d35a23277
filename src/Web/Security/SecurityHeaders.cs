using Scalar.AspNetCore;

namespace Moment.Web.Security;

/// <summary>
/// The headers every answer carries. Scripts come only from the app itself (Blazor's script, the API reference's bundle and
/// its one inline script, which carries a fresh nonce). The customer's page has its token in the address, so no page sends
/// a Referer, and the customer's page and API are never stored by a browser or a proxy.
/// </summary>
internal static class SecurityHeaders
{
    private const string ContentSecurityPolicy = "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'; script-src 'self'";

    /// <summary>Where an endpoint puts a content security policy of its own, stricter than the app's.</summary>
    public const string OwnPolicy = "Moment.ContentSecurityPolicy";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

    /// <summary>First in the pipeline, so that error pages and every short-circuit answer carry the headers too.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        // HSTS only where the app is reached by name over HTTPS; a developer's http://localhost must keep working.
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
            app.UseHsts();
        app.Use((context, next) =>
        {
            // The path as asked: error pages re-execute the request under another path.
            var neverStore = context.Request.Path.StartsWithSegments("/c") || context.Request.Path.StartsWithSegments("/api/public");
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                // An answer with a stricter policy of its own keeps it (an email's formatted body, in its sandbox).
                headers.ContentSecurityPolicy = context.Items[OwnPolicy] as string
                    ?? (context.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce
                        ? $"{ContentSecurityPolicy} 'nonce-{nonce}'"
                        : ContentSecurityPolicy);
                if (neverStore)
                    headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
