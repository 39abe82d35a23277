using Moment.Application.Data;
using Moment.Domain.Knowledge;

namespace Moment.Application.Knowledge;

/// <summary>
/// Articles that may answer a case's or a chat's text, for the case page and the chat bot: the few best, in the
/// customer's language. A bot answering a customer asks with <c>publicOnly</c>, so an internal article never reaches them.
/// </summary>
public sealed class SuggestArticles(AppDbContext db, KnowledgeIndex index)
{
    public const int MaxSuggestions = 5;

    // A case's whole description makes a query of hundreds of words; its first words say what it is about.
    private const int MaxWords = 60;

    public async Task<IReadOnlyList<ArticleHit>> HandleAsync(string? text, ArticleLanguage language, bool publicOnly, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        await index.CatchUpAsync(db, cancellationToken);
        return index.Search(string.Join(' ', words.Take(MaxWords)), language, publicOnly, MaxSuggestions);
    }
}
