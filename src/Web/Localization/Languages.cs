using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Moment.Web.Localization;

/// <summary>
/// Swedish and English. Each language comes with the formats of one country (sv-SE, en-GB: day before month, 24-hour clock),
/// so that a browser asking for plain "sv" or "en-US" gets one of exactly two well-defined cultures.
/// The choice persists in the standard culture cookie; without it, the browser's Accept-Language decides.
/// </summary>
internal static class Languages
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    public static readonly IReadOnlyList<CultureInfo> All = [Swedish, English];

    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        // Times are read in the reader's language on the reader's clock.
        services.AddScoped<Clocks>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Swedish);
            options.SupportedCultures = [.. All];
            options.SupportedUICultures = [.. All];
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(context => Task.FromResult(FromAcceptLanguage(context.Request))),
            ];
        });
        return services;
    }

    public static CultureInfo? Find(string? name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The language switch: a plain form post, so it works without JavaScript.</summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapPost("/language", (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
            {
                var chosen = Find(culture) ?? Swedish;
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
                return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
            })
            .ExcludeFromDescription();

    /// <summary>A path on this site to return to. Control characters (a tab, a line break) make it no path at all.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);

    private static ProviderCultureResult? FromAcceptLanguage(HttpRequest request)
    {
        foreach (var language in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith("sv", StringComparison.OrdinalIgnoreCase))
                return new ProviderCultureResult(Swedish.Name);
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
                return new ProviderCultureResult(English.Name);
        }

        return null;
    }
}
