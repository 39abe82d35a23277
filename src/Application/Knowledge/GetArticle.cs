using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;

namespace Moment.Application.Knowledge;

/// <summary>
/// One article with its history and its other languages. For customers (<c>publicOnly</c>) an internal article does
/// not exist, its history stays with staff, and only public translations are offered.
/// </summary>
public sealed class GetArticle(AppDbContext db)
{
    public async Task<ArticleDetails> HandleAsync(Guid id, bool publicOnly = false, CancellationToken cancellationToken = default)
    {
        var article = await db.KnowledgeArticles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null || (publicOnly && !article.IsPublic))
            throw new NotFoundException("There is no knowledge article {0}.", id);

        var family = article.OriginalId ?? article.Id;
        var others = await db.KnowledgeArticles.AsNoTracking()
            .Where(a => a.Id != article.Id && (a.Id == family || a.OriginalId == family))
            .OrderBy(a => a.Language)
            .Select(a => new ArticleLink(a.Id, a.Language, a.Title, a.Visibility))
            .ToListAsync(cancellationToken);
        if (publicOnly)
            others = others.Where(o => o.Visibility == Domain.Knowledge.ArticleVisibility.Public).ToList();

        var versions = publicOnly
            ? []
            : await db.KnowledgeArticleVersions.AsNoTracking()
                .Where(v => v.ArticleId == id)
                .OrderByDescending(v => v.Number)
                .Select(v => new ArticleVersionView(v.Number, v.Title, v.Visibility, v.Changes, v.ChangedById,
                    db.Users.Where(u => u.Id == v.ChangedById).Select(u => u.DisplayName).FirstOrDefault() ?? "", v.ChangedAt))
                .ToListAsync(cancellationToken);
        var owner = await db.Users.Where(u => u.Id == article.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "";

        return new ArticleDetails(article.Id, article.Language, article.Title, article.Body, KnowledgeMarkdown.ToHtml(article.Body),
            article.Visibility, article.OwnerId, owner, article.ReviewBy, article.Version, article.CreatedAt, article.UpdatedAt,
            article.OriginalId, others, versions);
    }
}
