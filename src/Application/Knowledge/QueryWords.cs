using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Index;
using Moment.Domain.Knowledge;

namespace Moment.Application.Knowledge;

/// <summary>
/// The words of a query as the index sees them: each word as typed, its terms in each language searched, and how many
/// articles hold them. From that: which words are worth searching for in a long text, and which may be typing mistakes.
/// </summary>
internal sealed class QueryWords
{
    private static readonly Analyzer AsTyped = new StandardAnalyzer(KnowledgeAnalyzers.Version, CharArraySet.Empty);

    private readonly List<Word> _words;

    private QueryWords(List<Word> words) => _words = words;

    public static QueryWords From(string text, IReadOnlyList<ArticleLanguage> languages, Analyzer analyzer, IndexReader reader)
    {
        var articles = Math.Max(1, reader.NumDocs);
        var words = new List<Word>();
        foreach (var typed in Terms(AsTyped, "", text).GroupBy(w => w, StringComparer.Ordinal))
        {
            var terms = languages.ToDictionary(l => l, l => Terms(analyzer, KnowledgeAnalyzers.BodyField(l), typed.Key));
            // A stop word is a word the language knows; otherwise the word's own term (a compound's parts come after it).
            var known = languages.Any(l => terms[l].Count == 0 || DocFreq(reader, l, terms[l][0]) > 0);
            // How telling a word is: its rarest term in the index (a compound's whole word before its parts), as often as it is said.
            var rarest = languages.SelectMany(l => terms[l].Select(t => DocFreq(reader, l, t))).Where(n => n > 0).DefaultIfEmpty(0).Min();
            var weight = rarest == 0 ? 0 : typed.Count() * Math.Log(1 + articles / (double)rarest);
            words.Add(new Word(typed.Key, terms, known, weight));
        }

        return new QueryWords(words);
    }

    /// <summary>
    /// The text to search for: all of it when it has at most <paramref name="max"/> words the index holds, else those
    /// of its words that are rarest in the index and said most often.
    /// </summary>
    public string Telling(string text, int max)
    {
        var held = _words.Where(w => w.Weight > 0).ToList();
        if (held.Count <= max)
            return text;
        return string.Join(' ', held.OrderByDescending(w => w.Weight).Take(max).Select(w => w.Typed));
    }

    /// <summary>
    /// The terms to try one or two typing mistakes away in this language's fields: of each word the index does not know in
    /// any language searched, its stem and the word as typed (a typo can change what the stemmer cuts: "ledsagnig" stems
    /// to "ledsagn"). A word the index knows is taken as meant, as Lucene's spell checker does by default.
    /// </summary>
    public IEnumerable<string> Unknown(ArticleLanguage language) => _words
        .Where(w => !w.Known)
        .SelectMany(w => w.Terms[language].Take(1).Append(w.Typed))
        .Distinct(StringComparer.Ordinal);

    private static int DocFreq(IndexReader reader, ArticleLanguage language, string term) =>
        reader.DocFreq(new Term(KnowledgeAnalyzers.TitleField(language), term)) + reader.DocFreq(new Term(KnowledgeAnalyzers.BodyField(language), term));

    private static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    private sealed record Word(string Typed, Dictionary<ArticleLanguage, List<string>> Terms, bool Known, double Weight);
}
