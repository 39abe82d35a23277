using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Knowledge;

namespace Moment.Application.Knowledge;

/// <summary>Which articles to list: a language, public ones only, or the ones a person owns whose review is overdue.</summary>
public sealed record ArticleFilter(ArticleLanguage? Language = null, bool PublicOnly = false, Guid? ReviewOverdueFor = null);

/// <summary>Articles by title; an owner's overdue reviews oldest first, so the most forgotten comes first.</summary>
public sealed class ListArticles(AppDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<ArticleSummary>> HandleAsync(ArticleFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var articles = db.KnowledgeArticles.AsNoTracking();
        if (filter.Language is { } language)
            articles = articles.Where(a => a.Language == language);
        if (filter.PublicOnly)
            articles = articles.Where(a => a.Visibility == ArticleVisibility.Public);
        if (filter.ReviewOverdueFor is { } owner)
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            articles = articles.Where(a => a.OwnerId == owner && a.ReviewBy < today).OrderBy(a => a.ReviewBy);
        }
        else
        {
            articles = articles.OrderBy(a => a.Title);
        }

        return await articles
            .Select(a => new ArticleSummary(a.Id, a.Language, a.Title, a.Visibility, a.OwnerId,
                db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                a.ReviewBy, a.Version, a.UpdatedAt, a.OriginalId))
            .ToListAsync(cancellationToken);
    }
}
