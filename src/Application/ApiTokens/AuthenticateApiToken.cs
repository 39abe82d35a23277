using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;

namespace Moment.Application.ApiTokens;

public enum ApiTokenVerdict
{
    Valid,
    Unknown,
    Revoked,
    Expired,
    UserInactive,
}

public sealed record ApiTokenCheck(ApiTokenVerdict Verdict, StaffUser? User)
{
    /// <summary>What the caller is told; never more than whether the token can be used.</summary>
    public string Explanation => Verdict switch
    {
        ApiTokenVerdict.Valid => "The API token is valid.",
        ApiTokenVerdict.Unknown => "The API token is not known.",
        ApiTokenVerdict.Revoked => "The API token has been revoked.",
        ApiTokenVerdict.Expired => "The API token has expired.",
        ApiTokenVerdict.UserInactive => "The API token belongs to an inactive user.",
    };
}

/// <summary>Finds the member of staff behind a bearer secret.</summary>
public sealed class AuthenticateApiToken(AppDbContext db, TimeProvider time)
{
    // Recording every use would turn each API read into a write; once a minute tells a person enough.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<ApiTokenCheck> HandleAsync(string secret, CancellationToken cancellationToken = default)
    {
        var hash = ApiToken.HashOf(secret);
        var found = await db.ApiTokens
            .Where(t => t.Hash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (found is null)
            return new ApiTokenCheck(ApiTokenVerdict.Unknown, null);
        if (found.Token.IsRevoked)
            return new ApiTokenCheck(ApiTokenVerdict.Revoked, null);
        if (found.Token.IsExpiredAt(now))
            return new ApiTokenCheck(ApiTokenVerdict.Expired, null);
        if (!found.User.IsActive)
            return new ApiTokenCheck(ApiTokenVerdict.UserInactive, null);
        if (found.Token.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUsedResolution)
        {
            found.Token.MarkUsed(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ApiTokenCheck(ApiTokenVerdict.Valid, found.User);
    }
}
