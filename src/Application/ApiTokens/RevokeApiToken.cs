using Microsoft.EntityFrameworkCore;
using Moment.Application.Caching;
using Moment.Application.Data;

namespace Moment.Application.ApiTokens;

/// <summary>A person revokes their own token; revoking twice is harmless. Every instance refuses it from then on.</summary>
public sealed class RevokeApiToken(AppDbContext db, TimeProvider time, ForgetEverywhere forget)
{
    public async Task HandleAsync(Guid userId, Guid tokenId, CancellationToken cancellationToken = default)
    {
        // Someone else's token is reported as missing: its existence is none of the asker's business.
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken)
            ?? throw new NotFoundException("You have no API token with that id.");
        token.Revoke(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await forget.ApiTokenAsync(token.Hash, cancellationToken);
    }
}
