using System.Net;
using Microsoft.AspNetCore.Identity;
using Moment.Application.Staff;

namespace Moment.Web.Features.Account;

internal enum SignInVerdict
{
    SignedIn,

    /// <summary>Unknown email, wrong password or a locked account: one answer for all, so that nobody learns who has an account.</summary>
    Refused,

    /// <summary>Said only to someone who gave the right password, who therefore already knows the account exists.</summary>
    Inactive,
}

/// <summary>
/// Signs a member of staff in with email and password. Every attempt does the same work (one password hash is verified, also
/// for an unknown email and for a locked or inactive account), so that neither the answer nor its time tells whether an
/// account exists. Each refusal is logged as a warning with the account, the reason and the caller's address.
/// </summary>
internal sealed class SignInStaff(SignInManager<StaffUser> signIn, IPasswordHasher<StaffUser> hasher, ILogger<SignInStaff> logger)
{
    private static readonly StaffUser Nobody = new();
    private static string? s_nobodysHash;

    public async Task<SignInVerdict> HandleAsync(string email, string password, IPAddress? from)
    {
        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            s_nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(Nobody, s_nobodysHash, password);
            // What was typed is not logged: it may be a password typed into the wrong field.
            logger.LogWarning("Sign-in refused for an email with no account from {Address}: no such account", from);
            return SignInVerdict.Refused;
        }

        // The password is checked before the lockout, so that a locked account costs the same time as any other.
        var passwordIsRight = await users.CheckPasswordAsync(user, password);
        if (await users.IsLockedOutAsync(user))
        {
            LogRefusal(user, "locked out", from);
            return SignInVerdict.Refused;
        }

        if (!passwordIsRight)
        {
            await users.AccessFailedAsync(user);
            LogRefusal(user, await users.IsLockedOutAsync(user) ? "wrong password, now locked out" : "wrong password", from);
            return SignInVerdict.Refused;
        }

        if (!await signIn.CanSignInAsync(user))
        {
            LogRefusal(user, "inactive", from);
            return SignInVerdict.Inactive;
        }

        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        logger.LogInformation("Signed in: user {UserId} ({Email}) from {Address}", user.Id, user.Email, from);
        return SignInVerdict.SignedIn;
    }

    private void LogRefusal(StaffUser user, string reason, IPAddress? from) =>
        logger.LogWarning("Sign-in refused for user {UserId} ({Email}) from {Address}: {Reason}", user.Id, user.Email, from, reason);
}
