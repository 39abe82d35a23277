using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Moment.Application.Staff;
using Moment.Web.Features.Account;

namespace Moment.Web.Security;

/// <summary>
/// Staff sign in with a cookie on the pages; scripts call <c>/api</c> with a personal API token.
/// One policy scheme picks between them per request, so an endpoint needs to know about neither.
/// </summary>
internal static class StaffAuthentication
{
    private const string Scheme = "Moment";

    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services)
    {
        services.AddStaffIdentity().AddSignInManager().AddDefaultTokenProviders();
        services.AddScoped<SignInStaff>();
        services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
                options.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or API token", options =>
                options.ForwardDefaultSelector = context =>
                    UsesApiToken(context.Request) || (IsApi(context.Request) && !context.Request.Cookies.ContainsKey(CookieName))
                        ? ApiTokenAuthenticationHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
            // A page answers with a redirect to the sign-in page; the API answers with a status code and problem+json.
            options.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });

        // Outside development the cookie is only ever sent over HTTPS, also behind a proxy that ends TLS (where the request
        // the app sees is plain HTTP, so "same as request" would leave the flag off).
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IHostEnvironment>((options, environment) =>
            options.Cookie.SecurePolicy = environment.IsDevelopment() || environment.IsEnvironment("Testing")
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always);

        // Deactivating a member of staff or changing their roles changes their security stamp; their open sessions notice
        // within a minute, and an inactive person's session ends then even if the stamp was not changed.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<ISecurityStampValidator, ActiveStaffStampValidator>();
        services.AddAuthorization(StaffPolicies.Add);
        services.AddCascadingAuthenticationState();
        return services;
    }

    public const string CookieName = ".Moment.Staff";

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    /// <summary>A personal API token, rather than the sign-in cookie, stands for the caller.</summary>
    public static bool UsesApiToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task ApiStatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
