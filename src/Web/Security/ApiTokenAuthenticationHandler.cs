using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Moment.Application.ApiTokens;
using Moment.Application.Staff;

namespace Moment.Web.Security;

/// <summary>
/// <c>Authorization: Bearer mt_…</c> for <c>/api</c>: the personal API token stands for its owner, with the owner's roles.
/// A failed check answers 401 problem+json that says why (unknown, revoked, expired), never more.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AuthenticateApiToken authenticate,
    IUserClaimsPrincipalFactory<StaffUser> principals,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    private const string BearerPrefix = "Bearer ";

    private string? _failure;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var secret = header[BearerPrefix.Length..].Trim();
        var check = await authenticate.HandleAsync(secret, Context.RequestAborted);
        if (check is not { Verdict: ApiTokenVerdict.Valid, User: { } user })
        {
            _failure = check.Explanation;
            return AuthenticateResult.Fail(check.Explanation);
        }

        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = _failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "Sign-in required",
            _failure ?? "Send a personal API token as 'Authorization: Bearer <token>'. Create one on your profile page or with 'moment token create'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "Your roles do not allow this request.");
    }

    private async Task WriteProblemAsync(int status, string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
}
