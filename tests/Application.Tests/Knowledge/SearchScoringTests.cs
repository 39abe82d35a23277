using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Tartarus.Snowball.Ext;
using Moment.Application.Knowledge;
using Moment.Domain.Knowledge;

namespace Moment.Application.Tests.Knowledge;

/// <summary>
/// The search's own scoring (<see cref="TopArticles"/>) and remembered Swedish analysis give what Lucene gives, and the
/// ranking holds among many articles of common words. In memory, no database.
/// </summary>
public sealed class SearchScoringTests
{
    private static readonly string[] Fields = [.. Enum.GetValues<ArticleLanguage>().SelectMany(l => new[] { KnowledgeAnalyzers.TitleField(l), KnowledgeAnalyzers.BodyField(l) })];

    public static TheoryData<string> Queries => [.. SearchCorpus.Queries.Select(q => q.Query), "hur betalar jag fakturan med kortet", "router start slow internet"];

    [Theory]
    [MemberData(nameof(Queries))]
    public void TopArticles_Query_FindsTheArticlesLuceneFindsInItsOrderWithItsScores(string text)
    {
        using var corpus = new LuceneCorpus();
        var query = corpus.Searcher.Rewrite(corpus.Query(text));
        // Lucene's default cache keeps no bit set: the filter is then read as it iterates.
        var publicOnly = new CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term("visibility", "public"))));

        foreach (var filter in new Filter?[] { null, publicOnly })
        {
            var lucene = corpus.Searcher.Search(query, filter, 20).ScoreDocs;
            var ours = TopArticles.Find(corpus.Searcher, query, filter, 20);

            Assert.NotNull(ours);
            Assert.NotEmpty(lucene);
            Assert.Equal(lucene.Select(h => h.Doc), ours.Select(h => h.Doc));
            Assert.All(lucene.Zip(ours), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 1e-4f * pair.First.Score));
        }
    }

    [Fact]
    public void TopArticles_QueryOfAnotherKind_IsLeftToLucene()
    {
        using var corpus = new LuceneCorpus();
        var phrase = new PhraseQuery { new Term("body_sv", "fast"), new Term("body_sv", "telefon") };

        Assert.Null(TopArticles.Find(corpus.Searcher, phrase, null, 10));
    }

    [Fact]
    public void SwedishAnalysis_RememberedWords_GiveTheTokensOfSplittingAndStemmingEachTime()
    {
        var texts = SearchCorpus.Articles.Where(a => a.Language == ArticleLanguage.Swedish).SelectMany(a => new[] { a.Title, a.Body }).ToList();
        var words = SwedishWords.From(texts);
        var analyzer = KnowledgeAnalyzers.PerField(words);

        // Twice: the second time every word is remembered.
        foreach (var text in texts.Concat(texts))
            Assert.Equal(Tokens(SplitEachTime(words, text)), Tokens(analyzer.GetTokenStream("body_sv", text)));
    }

    [Fact]
    public void KnowledgeIndex_ShortQuestionWithATypo_FindsTheArticle()
    {
        using var index = IndexWithCommonWords();

        var hits = index.Search("glömt mitt lösenrod", ArticleLanguage.Swedish, publicOnly: false);

        Assert.Equal("Byta lösenord", hits[0].Title);
        Assert.Contains("<mark>", hits[0].SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void KnowledgeIndex_PublicOnly_AmongManyArticles_NeverFindsAnInternalOne()
    {
        using var index = IndexWithCommonWords();

        var hits = index.Search("faktura betala telefon", null, publicOnly: true, max: 50);

        Assert.Equal(50, hits.Count);
        Assert.All(hits, h => Assert.Equal(ArticleVisibility.Public, h.Visibility));
    }

    /// <summary>
    /// The corpus's articles among 600 more, each of whose bodies says the common words of a helpdesk several times (a
    /// fifth of its words), so that each common word is in most articles.
    /// </summary>
    private static KnowledgeIndex IndexWithCommonWords()
    {
        var now = new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
        var owner = Guid.CreateVersion7();
        var random = new Random(15);
        string[] common = ["fakturan", "telefonen", "betala", "kortet", "appen", "routern", "avgift", "resan", "biljetten", "kontot"];
        string[] other = ["kunden", "dagen", "hjälp", "svar", "veckan", "ärendet", "personal", "kontor", "brev", "vägen", "tjänsten", "frågan"];
        string Word() => random.Next(5) == 0 ? common[random.Next(common.Length)] : other[random.Next(other.Length)];
        KnowledgeArticle Write(ArticleLanguage language, string title, string body, bool isPublic) =>
            KnowledgeArticle.Write(language, title, body, isPublic ? ArticleVisibility.Public : ArticleVisibility.Internal, owner,
                DateOnly.FromDateTime(now.UtcDateTime).AddMonths(6), owner, now).Article;
        var noise = Enumerable.Range(0, 600).Select(i => Write(ArticleLanguage.Swedish,
            string.Join(' ', Enumerable.Range(0, 3).Select(_ => Word())),
            string.Join(' ', Enumerable.Range(0, 40).Select(_ => Word())), isPublic: i % 3 != 0));
        var index = new KnowledgeIndex();
        index.Rebuild([.. SearchCorpus.Articles.Select(a => Write(a.Language, a.Title, a.Body, a.Public)), .. noise]);
        return index;
    }

    private static TokenStream SplitEachTime(CharArraySet words, string text)
    {
        var version = KnowledgeAnalyzers.Version;
        TokenStream stream = new StopFilter(version, new LowerCaseFilter(version, new StandardFilter(version, new StandardTokenizer(version, new StringReader(text)))), SwedishAnalyzer.DefaultStopSet);
        stream = new DictionaryCompoundWordTokenFilter(version, stream, words, 7, 4, 20, onlyLongestMatch: false);
        return new SnowballFilter(stream, new SwedishStemmer());
    }

    private static List<string> Tokens(TokenStream stream)
    {
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var position = stream.AddAttribute<IPositionIncrementAttribute>();
            var tokens = new List<string>();
            stream.Reset();
            while (stream.IncrementToken())
                tokens.Add($"{term}@{offset.StartOffset}-{offset.EndOffset}+{position.PositionIncrement}");
            stream.End();
            tokens.Add($"end@{offset.EndOffset}");
            return tokens;
        }
    }

    /// <summary>
    /// The relevance corpus in a Lucene index of its own, in three segments with an article replaced (so some are
    /// deleted), searched the way <see cref="KnowledgeIndex"/> asks: the words in every field, typos one or two edits away.
    /// </summary>
    private sealed class LuceneCorpus : IDisposable
    {
        private readonly RAMDirectory _directory = new();
        private readonly Analyzer _analyzer;
        private readonly DirectoryReader _reader;

        public LuceneCorpus()
        {
            var articles = SearchCorpus.Articles;
            _analyzer = KnowledgeAnalyzers.PerField(SwedishWords.From(articles.Where(a => a.Language == ArticleLanguage.Swedish).SelectMany(a => new[] { a.Title, a.Body })));
            using (var writer = new IndexWriter(_directory, new IndexWriterConfig(KnowledgeAnalyzers.Version, _analyzer)))
            {
                for (var i = 0; i < articles.Count; i++)
                {
                    writer.AddDocument(Document(i, articles[i]));
                    if (i % 25 == 24)
                        writer.Commit();
                }

                writer.UpdateDocument(new Term("id", "3"), Document(3, articles[3]));
                writer.Commit();
            }

            _reader = DirectoryReader.Open(_directory);
            Searcher = new IndexSearcher(_reader);
        }

        public IndexSearcher Searcher { get; }

        public Query Query(string text)
        {
            var boosts = Fields.ToDictionary(f => f, f => f.StartsWith("title", StringComparison.Ordinal) ? 3f : 1f, StringComparer.Ordinal);
            var query = new BooleanQuery
            {
                { new MultiFieldQueryParser(KnowledgeAnalyzers.Version, Fields, _analyzer, boosts).Parse(QueryParserBase.Escape(text)), Occur.SHOULD },
            };
            foreach (var word in text.Split(' ').Where(w => w.Length >= 4))
            {
                foreach (var field in Fields)
                    query.Add(new FuzzyQuery(new Term(field, word.ToLowerInvariant()), word.Length >= 7 ? 2 : 1, 1) { Boost = boosts[field] * 0.5f }, Occur.SHOULD);
            }

            return query;
        }

        public void Dispose()
        {
            _reader.Dispose();
            _directory.Dispose();
            _analyzer.Dispose();
        }

        private static Document Document(int id, SearchCorpus.Article article) =>
        [
            new StringField("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
            new StringField("visibility", article.Public ? "public" : "internal", Field.Store.NO),
            new TextField(KnowledgeAnalyzers.TitleField(article.Language), article.Title, Field.Store.NO),
            new TextField(KnowledgeAnalyzers.BodyField(article.Language), article.Body, Field.Store.NO),
        ];
    }
}
