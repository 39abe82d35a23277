using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Knowledge;

namespace Moment.Application.Knowledge;

/// <summary>An article found by a search: its snippet is HTML, the article's own text encoded with the matches in &lt;mark&gt;.</summary>
public sealed record ArticleHit(Guid Id, ArticleLanguage Language, string Title, ArticleVisibility Visibility, string SnippetHtml, float Score)
{
    /// <summary>The snippet as plain text, for where HTML cannot go (a chat message): the marks out, the text decoded.</summary>
    // The snippet is the article's text HTML-encoded, so the only tags in it are the highlighter's own marks.
    public string SnippetText => System.Net.WebUtility.HtmlDecode(SnippetHtml.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));
}

/// <summary>
/// The search index of the knowledge articles, in memory, one per app instance. The database is the truth: the index
/// is built from it on first use (the web app does that on start), every save on this instance puts the article in at
/// once, and before each search the index takes what other instances saved since it last looked (articles with a
/// newer <see cref="KnowledgeArticle.UpdatedAt"/> or version).
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    public const int MaxResults = 50;

    // "Short queries" get typo tolerance; a long text (a case's description) has enough words to find without.
    private const int FuzzyMaxWords = 3;
    private const int FuzzyMinLength = 4;
    private const int SnippetLength = 160;

    private static readonly Dictionary<string, float> FieldBoosts = Enum.GetValues<ArticleLanguage>()
        .SelectMany(l => new[] { (KnowledgeAnalyzers.TitleField(l), 3f), (KnowledgeAnalyzers.BodyField(l), 1f) })
        .ToDictionary(f => f.Item1, f => f.Item2, StringComparer.Ordinal);

    private static readonly Analyzer TypedWords = new Lucene.Net.Analysis.Standard.StandardAnalyzer(KnowledgeAnalyzers.Version, CharArraySet.Empty);

    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly SemaphoreSlim _catchUp = new(1, 1);
    private readonly System.Threading.Lock _words = new();
    private readonly Dictionary<Guid, int> _versions = [];
    private volatile Snapshot _analysis;
    private DateTimeOffset _through = DateTimeOffset.MinValue;
    private bool _built;

    public KnowledgeIndex()
    {
        _analysis = new Snapshot(SwedishWords.From([]));
        _writer = new IndexWriter(_directory, new IndexWriterConfig(KnowledgeAnalyzers.Version, _analysis.Analyzer));
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
    }

    /// <summary>How many articles the index holds.</summary>
    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>Builds the index from the database the first time; after that takes what changed since it last looked.</summary>
    public async Task CatchUpAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await _catchUp.WaitAsync(cancellationToken);
        try
        {
            if (!_built)
            {
                var all = await db.KnowledgeArticles.AsNoTracking().ToListAsync(cancellationToken);
                Rebuild(all);
                _built = true;
                return;
            }

            var through = _through;
            var changed = await db.KnowledgeArticles.AsNoTracking().Where(a => a.UpdatedAt >= through).ToListAsync(cancellationToken);
            foreach (var article in changed)
                Put(article);
        }
        finally
        {
            _catchUp.Release();
        }
    }

    /// <summary>Replaces everything in the index with these articles; the Swedish word list is built from them first.</summary>
    public void Rebuild(IReadOnlyCollection<KnowledgeArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        lock (_words)
        {
            var plain = articles.ToDictionary(a => a.Id, a => KnowledgeMarkdown.ToPlainText(a.Body));
            _analysis = new Snapshot(SwedishWords.From(articles.Where(a => a.Language == ArticleLanguage.Swedish).SelectMany(a => new[] { a.Title, plain[a.Id] })));
            _writer.DeleteAll();
            _versions.Clear();
            foreach (var article in articles)
            {
                _writer.AddDocument(Document(article, plain[article.Id]), _analysis.Analyzer);
                Remember(article);
            }

            _writer.Commit();
        }

        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Puts one saved article in the index (replacing what it said before), unless the index has this version already.</summary>
    public void Put(KnowledgeArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        lock (_words)
        {
            if (_versions.TryGetValue(article.Id, out var known) && known >= article.Version)
                return;
            var plain = KnowledgeMarkdown.ToPlainText(article.Body);
            if (article.Language == ArticleLanguage.Swedish && SwedishWords.With(_analysis.Words, article.Title + "\n" + plain) is { } words)
                _analysis = new Snapshot(words);
            _writer.UpdateDocument(new Term("id", article.Id.ToString("N")), Document(article, plain), _analysis.Analyzer);
            Remember(article);
        }

        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>
    /// The articles that best answer the text, best first: stemmed and split into compound parts per language, and for a
    /// query of a few words also the words one or two typing mistakes away (ranked below exact matches).
    /// </summary>
    public IReadOnlyList<ArticleHit> Search(string? text, ArticleLanguage? language, bool publicOnly, int max = 10)
    {
        if (string.IsNullOrWhiteSpace(text) || max <= 0)
            return [];
        var analysis = _analysis;
        var languages = language is { } only ? [only] : Enum.GetValues<ArticleLanguage>();
        var query = TextQuery(text, languages, analysis.Analyzer);
        if (query.Clauses.Count == 0)
            return [];

        var filter = new BooleanQuery();
        if (publicOnly)
            filter.Add(new TermQuery(new Term("visibility", "public")), Occur.MUST);
        if (language is { } wanted)
            filter.Add(new TermQuery(new Term("language", KnowledgeAnalyzers.Code(wanted))), Occur.MUST);

        var searcher = _searchers.Acquire();
        try
        {
            // Fuzzy queries stand for the words they match in this index. Rewritten once, for both the search and the
            // highlighter (which marks those words): the expansion is most of a short query's time.
            var rewritten = searcher.Rewrite(query);
            var top = filter.Clauses.Count == 0
                ? searcher.Search(rewritten, Math.Min(max, MaxResults))
                : searcher.Search(rewritten, new QueryWrapperFilter(filter), Math.Min(max, MaxResults));
            return top.ScoreDocs.Select(hit => Hit(searcher.Doc(hit.Doc), hit.Score, rewritten, analysis.Analyzer)).ToList();
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _catchUp.Dispose();
    }

    private void Remember(KnowledgeArticle article)
    {
        _versions[article.Id] = article.Version;
        if (article.UpdatedAt > _through)
            _through = article.UpdatedAt;
    }

    private static BooleanQuery TextQuery(string text, IReadOnlyList<ArticleLanguage> languages, Analyzer analyzer)
    {
        var fields = languages.SelectMany(l => new[] { KnowledgeAnalyzers.TitleField(l), KnowledgeAnalyzers.BodyField(l) }).ToArray();
        var parser = new MultiFieldQueryParser(KnowledgeAnalyzers.Version, fields, analyzer, FieldBoosts) { DefaultOperator = Operator.OR };
        var query = new BooleanQuery();
        // The reader's words are words, never query syntax: "faktura OR *" searches for those words.
        if (parser.Parse(QueryParserBase.Escape(text.Trim())) is { } exact && !(exact is BooleanQuery { Clauses.Count: 0 }))
            query.Add(exact, Occur.SHOULD);

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length <= FuzzyMaxWords)
        {
            foreach (var field in fields)
            {
                // A typo can change what the stemmer cuts ("ledsagnig" stems to "ledsagn"): the word as typed is tried too.
                var terms = Terms(analyzer, field, text).Concat(Terms(TypedWords, field, text));
                foreach (var term in terms.Where(t => t.Length >= FuzzyMinLength).Distinct(StringComparer.Ordinal))
                {
                    var fuzzy = new FuzzyQuery(new Term(field, term), maxEdits: term.Length >= 7 ? 2 : 1, prefixLength: 1)
                    {
                        Boost = FieldBoosts[field] * 0.5f,
                    };
                    query.Add(fuzzy, Occur.SHOULD);
                }
            }
        }

        return query;
    }

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

    private static ArticleHit Hit(Document document, float score, Query query, Analyzer analyzer)
    {
        var language = Enum.Parse<ArticleLanguage>(document.Get("languageName", CultureInfo.InvariantCulture));
        var bodyField = KnowledgeAnalyzers.BodyField(language);
        var body = document.Get(bodyField, CultureInfo.InvariantCulture) ?? "";
        var scorer = new QueryScorer(query, bodyField);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer)
        {
            TextFragmenter = new SimpleSpanFragmenter(scorer, SnippetLength),
        };
        var fragments = highlighter.GetBestFragments(analyzer, bodyField, body, 2);
        var snippet = fragments.Length > 0
            ? string.Join(" … ", fragments)
            : SimpleHTMLEncoder.HtmlEncode(body.Length <= SnippetLength ? body : body[..SnippetLength] + "…");
        return new ArticleHit(Guid.ParseExact(document.Get("id", CultureInfo.InvariantCulture), "N"), language, document.Get(KnowledgeAnalyzers.TitleField(language), CultureInfo.InvariantCulture),
            document.Get("visibility", CultureInfo.InvariantCulture) == "public" ? ArticleVisibility.Public : ArticleVisibility.Internal, snippet, score);
    }

    private static Document Document(KnowledgeArticle article, string plainBody) =>
    [
        new StringField("id", article.Id.ToString("N"), Field.Store.YES),
        new StringField("language", KnowledgeAnalyzers.Code(article.Language), Field.Store.NO),
        new StoredField("languageName", article.Language.ToString()),
        new StringField("visibility", article.IsPublic ? "public" : "internal", Field.Store.YES),
        new TextField(KnowledgeAnalyzers.TitleField(article.Language), article.Title, Field.Store.YES),
        new TextField(KnowledgeAnalyzers.BodyField(article.Language), plainBody, Field.Store.YES),
    ];

    /// <summary>A Swedish word list and the analyzer that splits compounds by it, replaced together.</summary>
    private sealed class Snapshot(CharArraySet words)
    {
        public CharArraySet Words { get; } = words;

        public Analyzer Analyzer { get; } = KnowledgeAnalyzers.PerField(words);
    }
}
