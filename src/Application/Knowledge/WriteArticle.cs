using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Knowledge;

namespace Moment.Application.Knowledge;

/// <summary>A new article, or (with <see cref="OriginalId"/>) a translation of one. Without an owner, the writer owns it.</summary>
public sealed record WriteArticleRequest(
    ArticleLanguage Language,
    string? Title,
    string? Body,
    ArticleVisibility Visibility,
    DateOnly ReviewBy,
    Guid? OwnerId = null,
    Guid? OriginalId = null);

/// <summary>Writes a knowledge article as its first version and puts it in the search index at once.</summary>
public sealed class WriteArticle(AppDbContext db, KnowledgeIndex index, TimeProvider time)
{
    public async Task<KnowledgeArticle> HandleAsync(Actor actor, WriteArticleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var ownerId = request.OwnerId ?? actor.Id;
        KnowledgeRules.EnsureMaySave(actor, before: null, request.Visibility, ownerId);
        await KnowledgeOwners.EnsureMayOwnAsync(db, ownerId, cancellationToken);
        KnowledgeArticle? original = null;
        if (request.OriginalId is { } originalId)
        {
            original = await db.KnowledgeArticles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == originalId, cancellationToken)
                ?? throw new NotFoundException("There is no knowledge article {0}.", originalId);
            if (await db.KnowledgeArticles.AnyAsync(a => a.OriginalId == originalId && a.Language == request.Language, cancellationToken))
                throw new ConflictException("This article already has a translation in that language.");
        }

        var (article, version) = KnowledgeArticle.Write(request.Language, request.Title, request.Body, request.Visibility,
            ownerId, request.ReviewBy, actor.Id, time.GetUtcNow(), original);
        db.KnowledgeArticles.Add(article);
        db.KnowledgeArticleVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        index.Put(article);
        return article;
    }
}

/// <summary>Who may own an article: an active member of staff who serves customers (the owner answers for it and reviews it).</summary>
internal static class KnowledgeOwners
{
    public static async Task EnsureMayOwnAsync(AppDbContext db, Guid ownerId, CancellationToken cancellationToken)
    {
        var owner = await db.Users.AsNoTracking()
            .Where(u => u.Id == ownerId && u.IsActive)
            .Select(u => new
            {
                Roles = (from userRole in db.UserRoles
                         join role in db.Roles on userRole.RoleId equals role.Id
                         where userRole.UserId == u.Id
                         select role.Name).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (owner is null || !StaffRoles.WorkCases(owner.Roles.OfType<string>()))
            throw new DomainRuleException("The owner must be active staff who serve customers.", "Owner");
    }
}
