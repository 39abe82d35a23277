using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;

namespace Moment.Application.ApiTokens;

public sealed record ApiTokenSummary(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

public sealed class ListApiTokens(AppDbContext db)
{
    public async Task<IReadOnlyList<ApiTokenSummary>> HandleAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.ApiTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenSummary(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(cancellationToken);
}
