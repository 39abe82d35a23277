using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;
using Moment.Domain.Knowledge;

namespace Moment.Application.Knowledge;

/// <summary>
/// How article text becomes search terms, per language. Swedish: lower case, stop words out, compound words split into
/// the words of <see cref="SwedishWords"/> they contain ("bredbandsrouter" also gives "bredband" and "router"), then the
/// Snowball Swedish stemmer ("fakturor" and "faktura" both become "faktur"). English: Lucene's English analyzer
/// (possessives, stop words, Porter stemming).
/// </summary>
internal static class KnowledgeAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Only words this long are tried for parts, and only parts this long are taken: shorter ones split too much by chance.
    private const int CompoundMinLength = 7;
    private const int PartMinLength = 4;
    private const int PartMaxLength = 20;

    public static string Code(ArticleLanguage language) => language switch
    {
        ArticleLanguage.Swedish => "sv",
        ArticleLanguage.English => "en",
    };

    public static string TitleField(ArticleLanguage language) => "title_" + Code(language);

    public static string BodyField(ArticleLanguage language) => "body_" + Code(language);

    public static Analyzer For(ArticleLanguage language, CharArraySet swedishWords) => language switch
    {
        ArticleLanguage.Swedish => new SwedishCompoundAnalyzer(swedishWords),
        ArticleLanguage.English => new EnglishAnalyzer(Version),
    };

    /// <summary>
    /// Each language's fields with that language's analyzer, so one query parser reads the text for both. An analyzer
    /// keeps its token filters between texts, so a new word list needs a new analyzer.
    /// </summary>
    public static Analyzer PerField(CharArraySet swedishWords)
    {
        var fields = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (var language in Enum.GetValues<ArticleLanguage>())
        {
            var analyzer = For(language, swedishWords);
            fields[TitleField(language)] = analyzer;
            fields[BodyField(language)] = analyzer;
        }

        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(Version), fields);
    }

    /// <summary>
    /// The lower-case words of a text worth taking as parts of compounds (long enough, no stop words), each also as its
    /// stem: the articles say "routern" and "fakturan", while a compound holds "router" and "faktura", which share the stem.
    /// </summary>
    public static IEnumerable<string> CandidateParts(string text)
    {
        var stemmer = new SwedishStemmer();
        using var tokenizer = new StandardTokenizer(Version, new StringReader(text));
        using TokenStream stream = new StopFilter(Version, new LowerCaseFilter(Version, tokenizer), SwedishAnalyzer.DefaultStopSet);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (term.Length < PartMinLength || term.Length > PartMaxLength)
                continue;
            var word = term.ToString();
            yield return word;
            stemmer.SetCurrent(word);
            if (stemmer.Stem() && stemmer.Current is { Length: >= PartMinLength } stem && stem != word)
                yield return stem;
        }

        stream.End();
    }

    private sealed class SwedishCompoundAnalyzer(CharArraySet words) : Analyzer
    {
        // Words seldom vary: a knowledge base says "fakturan" thousands of times. Beyond this many, a new word is split
        // and stemmed each time it is met, as before.
        private const int MaxRemembered = 200_000;

        private readonly ConcurrentDictionary<string, string[]> _terms = new(StringComparer.Ordinal);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream result = new StandardFilter(Version, source);
            result = new LowerCaseFilter(Version, result);
            result = new StopFilter(Version, result, SwedishAnalyzer.DefaultStopSet);
            result = new RememberedTermsFilter(result, Terms);
            return new TokenStreamComponents(source, result);
        }

        /// <summary>A word's terms: its stem, then the stems of the compound parts found in it.</summary>
        private string[] Terms(string word)
        {
            if (_terms.TryGetValue(word, out var known))
                return known;
            var terms = new List<string>();
            using (var tokenizer = new KeywordTokenizer(new StringReader(word)))
            {
                // Every part found, not only the longest: the longest is often the whole word itself, also in the word list.
                TokenStream stream = new DictionaryCompoundWordTokenFilter(Version, tokenizer, words, CompoundMinLength, PartMinLength, PartMaxLength, onlyLongestMatch: false);
                using var stemmed = new SnowballFilter(stream, new SwedishStemmer());
                var term = stemmed.AddAttribute<ICharTermAttribute>();
                stemmed.Reset();
                while (stemmed.IncrementToken())
                    terms.Add(term.ToString());
                stemmed.End();
            }

            string[] found = [.. terms];
            if (_terms.Count < MaxRemembered)
                _terms.TryAdd(word, found);
            return found;
        }
    }

    /// <summary>
    /// Splitting into compound parts and stemming, done once per word and then remembered: each word of at least seven
    /// letters was looked up in the word list at every start and length, and every part stemmed, wherever it was met.
    /// The tokens are those <see cref="DictionaryCompoundWordTokenFilter"/> and the Snowball stemmer give: the word's
    /// stem, then each part's at the same place (position increment 0, the word's offsets).
    /// </summary>
    private sealed class RememberedTermsFilter(TokenStream input, Func<string, string[]> terms) : TokenFilter(input)
    {
        private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();
        private readonly IPositionIncrementAttribute _position = input.AddAttribute<IPositionIncrementAttribute>();
        private string[] _parts = [];
        private int _next;
        private State? _word;

        public override bool IncrementToken()
        {
            if (_next < _parts.Length)
            {
                RestoreState(_word);
                _term.SetEmpty().Append(_parts[_next++]);
                _position.PositionIncrement = 0;
                return true;
            }

            if (!m_input.IncrementToken())
                return false;
            var found = terms(_term.ToString());
            _word = found.Length > 1 ? CaptureState() : null;
            _parts = found;
            _next = 1;
            _term.SetEmpty().Append(found.Length > 0 ? found[0] : "");
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _parts = [];
            _next = 0;
            _word = null;
        }
    }
}

/// <summary>
/// The Swedish words the articles use, the word list compound words are split by. Built from the articles themselves
/// (a product's own words, "router", "bredband", "faktura", are in no general list). A set is never changed once an
/// analyzer reads it: adding words makes a new set.
/// </summary>
internal static class SwedishWords
{
    public static CharArraySet From(IEnumerable<string> texts)
    {
        var set = new CharArraySet(KnowledgeAnalyzers.Version, 1024, ignoreCase: false);
        foreach (var text in texts)
        {
            foreach (var word in KnowledgeAnalyzers.CandidateParts(text))
                set.Add(word);
        }

        return set;
    }

    /// <summary>The set with the words of one more text, or null when it brings no new word.</summary>
    public static CharArraySet? With(CharArraySet current, string text)
    {
        var fresh = KnowledgeAnalyzers.CandidateParts(text).Where(w => !current.Contains(w)).Distinct(StringComparer.Ordinal).ToList();
        if (fresh.Count == 0)
            return null;
        var set = new CharArraySet(KnowledgeAnalyzers.Version, current.Count + fresh.Count, ignoreCase: false);
        set.UnionWith(current);
        set.UnionWith(fresh);
        return set;
    }
}
