using Moment.Application.Data;
using Moment.Domain.Knowledge;

namespace Moment.Application.Knowledge;

/// <summary>What to search for: the reader's words, one language or both, and whether only public articles count.</summary>
public sealed record SearchArticlesRequest(string? Text, ArticleLanguage? Language = null, bool PublicOnly = false, int Max = 20);

/// <summary>Searches the knowledge articles (staff: all; customers: public ones), after the index has taken what changed.</summary>
public sealed class SearchArticles(AppDbContext db, KnowledgeIndex index)
{
    public async Task<IReadOnlyList<ArticleHit>> HandleAsync(SearchArticlesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await index.CatchUpAsync(db, cancellationToken);
        return index.Search(request.Text, request.Language, request.PublicOnly, request.Max);
    }
}
