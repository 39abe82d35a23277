using Microsoft.EntityFrameworkCore;
using Moment.Application.Caching;
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

public sealed record ApiTokenCheck(ApiTokenVerdict Verdict, StaffCard? Staff)
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

/// <summary>A token found valid: whose it is and until when. Kept for a short while so that a script's calls do not each read it.</summary>
public sealed record ValidApiToken(Guid UserId, DateTimeOffset? ExpiresAt)
{
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;
}

/// <summary>Finds the member of staff behind a bearer secret.</summary>
/// <remarks>
/// Revoking a token forgets it at once on every instance (<see cref="ForgetEverywhere"/>); an instance that missed the news
/// stops accepting it within <see cref="ShortLivedCache{TKey, TValue}.Freshness"/>. Expiry is checked on every call.
/// </remarks>
public sealed class AuthenticateApiToken(AppDbContext db, StaffCards staff, ShortLivedCache<string, ValidApiToken> validTokens, TimeProvider time)
{
    // Recording every use would turn each API read into a write; once a minute tells a person enough.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<ApiTokenCheck> HandleAsync(string secret, CancellationToken cancellationToken = default)
    {
        var hash = ApiToken.HashOf(secret);
        var now = time.GetUtcNow();
        if (!validTokens.TryGet(hash, out var valid))
        {
            var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);
            if (token is null)
                return new ApiTokenCheck(ApiTokenVerdict.Unknown, null);
            if (token.IsRevoked)
                return new ApiTokenCheck(ApiTokenVerdict.Revoked, null);
            if (token.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUsedResolution)
            {
                token.MarkUsed(now);
                await db.SaveChangesAsync(cancellationToken);
            }

            valid = new ValidApiToken(token.UserId, token.ExpiresAt);
            validTokens.Store(hash, valid);
        }

        if (valid.IsExpiredAt(now))
            return new ApiTokenCheck(ApiTokenVerdict.Expired, null);
        var card = await staff.FindAsync(valid.UserId, cancellationToken);
        return card is { IsActive: true }
            ? new ApiTokenCheck(ApiTokenVerdict.Valid, card)
            : new ApiTokenCheck(ApiTokenVerdict.UserInactive, null);
    }
}
