namespace Moment.Domain.KnownIssues;

/// <summary>
/// Which known issues a case's text speaks of, for the person in front of the customer: a handful of active issues
/// is matched in memory, word by word. A word matches by its beginning anywhere in the text, so that inflections
/// ("kraschar", "kraschade") and Swedish compounds ("bokningsappen" holds "appen") match without a dictionary; the
/// product's name counts double, because it is what the customer names first.
/// </summary>
public static class KnownIssueMatching
{
    /// <summary>How much of a word must match: enough to tell words apart, short enough to let inflections through.</summary>
    public const int StemLength = 5;

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "och", "att", "det", "som", "för", "med", "inte", "när", "har", "han", "hon", "den", "till", "vid", "sig", "kan",
        "man", "på", "av", "en", "ett", "är", "om", "så", "men", "nu", "de", "vi", "ni", "hen", "sin", "sitt", "efter",
        "the", "and", "for", "with", "when", "not", "has", "have", "does", "doesn", "can", "cannot", "from", "that", "this",
        "his", "her", "they", "them", "you", "your", "our", "are", "was", "were", "into", "after", "before",
    };

    /// <summary>The score of one issue against a text: 0 for no match; each matching symptom or title word 1, the product 2.</summary>
    public static int Score(string text, string title, string product, string symptoms)
    {
        var haystack = Normalise(text);
        if (haystack.Length == 0)
            return 0;
        var score = Words(product).All(word => haystack.Contains(Stem(word), StringComparison.Ordinal)) && Words(product).Any() ? 2 : 0;
        score += Words($"{title} {symptoms}").Distinct().Count(word => haystack.Contains(Stem(word), StringComparison.Ordinal));
        return score;
    }

    /// <summary>The issues worth showing for a text, best first: at least two matching words, or the product and one more.</summary>
    public static IReadOnlyList<T> Best<T>(string? text, IEnumerable<T> issues, Func<T, (string Title, string Product, string Symptoms)> words, int take = 5)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        return issues
            .Select(issue => (issue, score: Score(text, words(issue).Title, words(issue).Product, words(issue).Symptoms)))
            .Where(match => match.score >= 2)
            .OrderByDescending(match => match.score)
            .Take(take)
            .Select(match => match.issue)
            .ToList();
    }

    private static string Stem(string word) => word.Length <= StemLength ? word : word[..StemLength];

    private static IEnumerable<string> Words(string text) =>
        Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => word.Length >= 3 && !Ignored.Contains(word));

    private static string Normalise(string text) =>
        new(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray());
}
