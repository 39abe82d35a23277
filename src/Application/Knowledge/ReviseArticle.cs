using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Knowledge;

namespace Moment.Application.Knowledge;

/// <summary>The article's text and settings as the editor left them, and the version they started from.</summary>
public sealed record ReviseArticleRequest(
    Guid ArticleId,
    string? Title,
    string? Body,
    ArticleVisibility Visibility,
    Guid OwnerId,
    DateOnly ReviewBy,
    int? ExpectedVersion = null);

/// <summary>
/// Saves a new version of an article (who changed what is kept), or nothing when nothing changed, and updates the
/// search index at once. Someone else's save since the editor opened the article is a conflict, never overwritten.
/// </summary>
public sealed class ReviseArticle(AppDbContext db, KnowledgeIndex index, TimeProvider time)
{
    public async Task<KnowledgeArticle> HandleAsync(Actor actor, ReviseArticleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var article = await db.KnowledgeArticles.FirstOrDefaultAsync(a => a.Id == request.ArticleId, cancellationToken)
            ?? throw new NotFoundException("There is no knowledge article {0}.", request.ArticleId);
        KnowledgeRules.EnsureMaySave(actor, article, request.Visibility, request.OwnerId);
        if (request.ExpectedVersion is { } expected && expected != article.Version)
            throw new ConflictException("Someone else changed this article since you opened it. Reload it and try again.");
        if (request.OwnerId != article.OwnerId)
            await KnowledgeOwners.EnsureMayOwnAsync(db, request.OwnerId, cancellationToken);

        var version = article.Revise(request.Title, request.Body, request.Visibility, request.OwnerId, request.ReviewBy, actor.Id, time.GetUtcNow());
        if (version is null)
            return article;
        db.KnowledgeArticleVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("Someone else changed this article since you opened it. Reload it and try again.");
        }

        index.Put(article);
        return article;
    }
}
