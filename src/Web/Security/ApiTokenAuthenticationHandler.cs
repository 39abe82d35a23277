using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Moment.Application.ApiTokens;
using Moment.Application.Staff;
using Moment.Web.Problems;

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
    IOptions<IdentityOptions> identity)
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
        if (check is not { Verdict: ApiTokenVerdict.Valid, Staff: { } staff })
        {
            _failure = check.Explanation;
            return AuthenticateResult.Fail(check.Explanation);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(PrincipalOf(staff), SchemeName));
    }

    /// <summary>The same claims Identity puts in the sign-in cookie, so that an endpoint cannot tell the two apart.</summary>
    private ClaimsPrincipal PrincipalOf(StaffCard staff)
    {
        var types = identity.Value.ClaimsIdentity;
        var claims = new ClaimsIdentity(SchemeName, types.UserNameClaimType, types.RoleClaimType);
        claims.AddClaim(new Claim(types.UserIdClaimType, staff.Id.ToString()));
        claims.AddClaim(new Claim(types.UserNameClaimType, staff.UserName));
        claims.AddClaim(new Claim(types.EmailClaimType, staff.Email));
        foreach (var role in staff.Roles)
            claims.AddClaim(new Claim(types.RoleClaimType, role));
        return new ClaimsPrincipal(claims);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = _failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        return Context.WriteProblemAsync(StatusCodes.Status401Unauthorized, "Sign-in required",
            _failure ?? "Send a personal API token as 'Authorization: Bearer <token>'. Create one on your profile page or with 'moment token create'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        return Context.WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "Your roles do not allow this request.");
    }
}
