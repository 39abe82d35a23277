using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Domain.Cases;
using Moment.Domain.Knowledge;

namespace Moment.Application.Knowledge;

/// <summary>
/// Articles that may answer a case's or a chat's text, for the case page and the chat bot: the few best, in the
/// customer's language first. A bot answering a customer asks with <c>publicOnly</c>, so an internal article never reaches them.
/// </summary>
public sealed class SuggestArticles(AppDbContext db, KnowledgeIndex index)
{
    public const int MaxSuggestions = 5;

    // A case's whole description makes a query of hundreds of words; its first words say what it is about.
    private const int MaxWords = 60;

    // The customer's latest words on a case: enough to catch what they asked since the case was registered.
    private const int LatestCustomerMessages = 3;

    /// <summary>The best articles for the text in this language only.</summary>
    public async Task<IReadOnlyList<ArticleHit>> HandleAsync(string? text, ArticleLanguage language, bool publicOnly, CancellationToken cancellationToken = default)
    {
        var query = Query(text);
        if (query is null)
            return [];
        await index.CatchUpAsync(db, cancellationToken);
        return index.Search(query, language, publicOnly, MaxSuggestions);
    }

    /// <summary>
    /// The best articles, internal and public, for a case: its subject, its description and the customer's latest messages.
    /// In the customer's language first (known when the case came by chat), the other language filling up the list; a case
    /// whose language is not known gets both by how well they match.
    /// </summary>
    public async Task<IReadOnlyList<ArticleHit>> ForCaseAsync(string caseNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseNumber);
        var number = CaseNumbers.Normalize(caseNumber);
        var @case = await db.Cases.AsNoTracking().Where(c => c.Number == number).Select(c => new { c.Id, c.Subject, c.Description }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("There is no case {0}.", caseNumber);
        var latest = await (
            from message in db.ConversationMessages.AsNoTracking()
            join conversation in db.Conversations on message.ConversationId equals conversation.Id
            where conversation.CaseId == @case.Id && message.Direction == ContactDirection.Inbound
            orderby message.Id descending
            select message.Text).Take(LatestCustomerMessages).ToListAsync(cancellationToken);
        var chatLanguage = await db.WaitingContacts.AsNoTracking().Where(c => c.CaseId == @case.Id)
            .OrderByDescending(c => c.PlaceAt).Select(c => c.Language).FirstOrDefaultAsync(cancellationToken);

        var query = Query(string.Join('\n', [@case.Subject, .. latest.Where(m => m != @case.Description), @case.Description ?? ""]));
        if (query is null)
            return [];
        await index.CatchUpAsync(db, cancellationToken);
        if (chatLanguage is null)
            return index.Search(query, null, publicOnly: false, MaxSuggestions);
        var first = chatLanguage == "en" ? ArticleLanguage.English : ArticleLanguage.Swedish;
        var other = first == ArticleLanguage.English ? ArticleLanguage.Swedish : ArticleLanguage.English;
        var inFirst = index.Search(query, first, publicOnly: false, MaxSuggestions);
        return [.. inFirst, .. index.Search(query, other, publicOnly: false, MaxSuggestions - inFirst.Count)];
    }

    private static string? Query(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(MaxWords));
    }
}
