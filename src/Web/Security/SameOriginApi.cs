using Microsoft.Net.Http.Headers;
using Moment.Web.Problems;

namespace Moment.Web.Security;

/// <summary>
/// A change under <c>/api</c> made with the sign-in cookie must come from Moment's own pages. SameSite=Lax keeps the cookie
/// off posts from other sites, but not from another port or subdomain of the same site, so the browser's own word on where
/// the request comes from is checked: <c>Sec-Fetch-Site</c>, or else <c>Origin</c>. A request with neither did not come
/// from a browser page and has no business carrying the cookie. Calls with an API token carry no ambient authority and
/// are not checked.
/// </summary>
internal static class SameOriginApi
{
    public static IApplicationBuilder UseSameOriginApi(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsCrossOriginChange(context.Request, context.RequestServices.GetRequiredService<PublicAddress>()))
            {
                await next(context);
                return;
            }

            await context.WriteProblemAsync(StatusCodes.Status403Forbidden, "Cross-site request refused",
                "A change made with the sign-in cookie must come from Moment's own pages. Scripts and other programs use a personal API token.");
        });

    private static bool IsCrossOriginChange(HttpRequest request, PublicAddress publicAddress)
    {
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            return false;
        if (StaffAuthentication.UsesApiToken(request) || !request.Cookies.ContainsKey(StaffAuthentication.CookieName))
            return false;

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
            return site != "same-origin";
        return !Uri.TryCreate(request.Headers[HeaderNames.Origin].ToString(), UriKind.Absolute, out var origin)
            || !(SameAuthority(origin, request.Host) || SameAuthority(origin, new HostString(publicAddress.BaseUrl.Authority)));
    }

    /// <summary>Host and port alike; a default port counts as none, as a proxy that ends TLS may pass the host without it.</summary>
    private static bool SameAuthority(Uri origin, HostString host) =>
        string.Equals(origin.IdnHost, host.Host, StringComparison.OrdinalIgnoreCase)
        && (origin.IsDefaultPort ? null : origin.Port) == (host.Port is 80 or 443 ? null : host.Port);
}
