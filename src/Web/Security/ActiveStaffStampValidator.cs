using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Moment.Application.Staff;

namespace Moment.Web.Security;

/// <summary>
/// Identity's check of the sign-in cookie against the security stamp in the database, which also ends the session of a
/// person who is no longer active, however they were switched off. Without it, a matching stamp renews the cookie as it is.
/// </summary>
internal sealed class ActiveStaffStampValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<StaffUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<StaffUser>(options, signInManager, logger)
{
    protected override async Task<StaffUser?> VerifySecurityStamp(ClaimsPrincipal? principal) =>
        await base.VerifySecurityStamp(principal) is { IsActive: true } user ? user : null;
}
