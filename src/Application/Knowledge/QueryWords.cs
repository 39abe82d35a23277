using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Moment.Domain.Knowledge;

namespace Moment.Application.Knowledge;

/// <summary>
/// The words of a query as the index sees them: each word as typed, its terms in each language searched, and how many
/// articles hold them. From that: which terms are worth searching for in a long text, and which words may be typing
/// mistakes.
/// </summary>
internal sealed class QueryWords
{
    private static readonly Analyzer AsTyped = new StandardAnalyzer(KnowledgeAnalyzers.Version, CharArraySet.Empty);

    private readonly List<Word> _words;
    private readonly List<TellingTerm> _terms;

    private QueryWords(List<Word> words, List<TellingTerm> terms)
    {
        _words = words;
        _terms = terms;
    }

    public static QueryWords From(string text, IReadOnlyList<ArticleLanguage> languages, Analyzer analyzer, IndexReader reader)
    {
        var held = new HeldTerms(reader);
        var analysed = languages.ToDictionary(l => l, l => Tokens(analyzer, KnowledgeAnalyzers.BodyField(l), text));
        var words = new List<Word>();
        foreach (var typed in Tokens(AsTyped, "", text).GroupBy(t => t.Term, StringComparer.Ordinal))
        {
            // A word's terms start where it does: its own (stemmed) term first, then a compound's parts.
            var start = typed.First().Start;
            var terms = languages.ToDictionary(l => l, l => analysed[l].Where(t => t.Start == start).Select(t => t.Term).ToList());
            // A stop word is a word the language knows; otherwise the word's own term must be in the index.
            var known = languages.Any(l => terms[l].Count == 0 || held.Articles(l, terms[l][0]) > 0);
            var found = languages.Any(l => terms[l].Any(t => held.Articles(l, t) > 0));
            words.Add(new Word(typed.Key, terms, known, found));
        }

        // How telling a term is: rare in the index (a compound's whole word before its common parts), often in the text.
        var articles = Math.Max(1, reader.NumDocs);
        var telling = languages
            .SelectMany(l => analysed[l].GroupBy(t => t.Term, StringComparer.Ordinal).Select(g => (Language: l, Term: g.Key, Said: g.Count(), Held: held.Articles(l, g.Key))))
            .Where(t => t.Held > 0)
            .Select(t => new TellingTerm(t.Language, t.Term, t.Said * Math.Log(1 + articles / (double)t.Held)))
            .ToList();
        return new QueryWords(words, telling);
    }

    /// <summary>
    /// For a text of more than <paramref name="maxWords"/> words the index holds, its <paramref name="maxTerms"/> most
    /// telling terms; null for a shorter one, which is searched word for word.
    /// </summary>
    public IReadOnlyList<(ArticleLanguage Language, string Term)>? Telling(int maxWords, int maxTerms) =>
        _words.Count(w => w.Found) <= maxWords
            ? null
            : [.. _terms.OrderByDescending(t => t.Weight).Take(maxTerms).Select(t => (t.Language, t.Term))];

    /// <summary>
    /// The terms to try one or two typing mistakes away in this language's fields: of each word the index does not know in
    /// any language searched, its stem and the word as typed (a typo can change what the stemmer cuts: "ledsagnig" stems
    /// to "ledsagn"). A word the index knows is taken as meant, as Lucene's spell checker does by default.
    /// </summary>
    public IEnumerable<string> Unknown(ArticleLanguage language) => _words
        .Where(w => !w.Known)
        .SelectMany(w => w.Terms[language].Take(1).Append(w.Typed))
        .Distinct(StringComparer.Ordinal);

    private static List<(int Start, string Term)> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<(int, string)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            tokens.Add((offset.StartOffset, term.ToString()));
        stream.End();
        return tokens;
    }

    private sealed record Word(string Typed, Dictionary<ArticleLanguage, List<string>> Terms, bool Known, bool Found);

    private sealed record TellingTerm(ArticleLanguage Language, string Term, double Weight);

    /// <summary>How many articles hold a term in a language's title or body; one term dictionary walk per field and query.</summary>
    private sealed class HeldTerms(IndexReader reader)
    {
        private readonly Dictionary<string, TermsEnum?> _fields = new(StringComparer.Ordinal);
        private readonly Dictionary<(ArticleLanguage, string), int> _articles = [];

        public int Articles(ArticleLanguage language, string term)
        {
            if (!_articles.TryGetValue((language, term), out var count))
                _articles[(language, term)] = count = In(KnowledgeAnalyzers.TitleField(language), term) + In(KnowledgeAnalyzers.BodyField(language), term);
            return count;
        }

        private int In(string field, string term)
        {
            if (!_fields.TryGetValue(field, out var terms))
                _fields[field] = terms = MultiFields.GetTerms(reader, field)?.GetEnumerator();
            return terms is not null && terms.SeekExact(new BytesRef(term)) ? terms.DocFreq : 0;
        }
    }
}
