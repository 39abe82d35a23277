using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;
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

    // A text of more words is searched by this many of its most telling terms (MoreLikeThis's way): every word of a
    // case's description, and every part of its compounds, each found in thousands of articles, made one query score
    // most of the index.
    private const int MaxQueryWords = 10;
    private const int MaxQueryTerms = 10;
    private const int SnippetLength = 160;

    private static readonly Dictionary<string, float> FieldBoosts = Enum.GetValues<ArticleLanguage>()
        .SelectMany(l => new[] { (KnowledgeAnalyzers.TitleField(l), 3f), (KnowledgeAnalyzers.BodyField(l), 1f) })
        .ToDictionary(f => f.Item1, f => f.Item2, StringComparer.Ordinal);

    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly SemaphoreSlim _catchUp = new(1, 1);
    private readonly System.Threading.Lock _words = new();
    private readonly Filter _publicOnly = new BitSetCachingFilter(new QueryWrapperFilter(new TermQuery(new Term("visibility", "public"))));
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

            // One segment: a search looks each of its terms up (how rare it is, what a fuzzy term expands to, its
            // articles) once per segment, and a rebuild's dozen segments made that a dozen times.
            _writer.ForceMerge(1);
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
    /// query of a few words also the words one or two typing mistakes away from a word the index does not know (ranked
    /// below exact matches). A long text is searched by its most telling words.
    /// </summary>
    public IReadOnlyList<ArticleHit> Search(string? text, ArticleLanguage? language, bool publicOnly, int max = 10)
    {
        if (string.IsNullOrWhiteSpace(text) || max <= 0)
            return [];
        var analysis = _analysis;
        var languages = language is { } only ? [only] : Enum.GetValues<ArticleLanguage>();
        var searcher = _searchers.Acquire();
        try
        {
            var query = TextQuery(text, languages, analysis.Analyzer, searcher.IndexReader);
            if (query.Clauses.Count == 0)
                return [];
            // Fuzzy queries stand for the words they match in this index. Rewritten once, for both the search and the
            // highlighter (which marks those words). Each language has fields of its own, so the fields already keep
            // to the language asked for; only visibility needs a filter.
            var rewritten = searcher.Rewrite(query);
            var filter = publicOnly ? _publicOnly : null;
            var top = TopArticles.Find(searcher, rewritten, filter, Math.Min(max, MaxResults))
                ?? searcher.Search(rewritten, filter, Math.Min(max, MaxResults)).ScoreDocs;
            return top.Select(hit => Hit(searcher.Doc(hit.Doc), hit.Score, rewritten, analysis.Analyzer)).ToList();
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

    private static BooleanQuery TextQuery(string text, IReadOnlyList<ArticleLanguage> languages, Analyzer analyzer, IndexReader reader)
    {
        var fields = languages.SelectMany(l => new[] { KnowledgeAnalyzers.TitleField(l), KnowledgeAnalyzers.BodyField(l) }).ToArray();
        var words = QueryWords.From(text, languages, analyzer, reader);
        var query = new BooleanQuery();
        if (words.Telling(MaxQueryWords, MaxQueryTerms) is { } telling)
        {
            foreach (var (language, term) in telling)
            {
                foreach (var field in new[] { KnowledgeAnalyzers.TitleField(language), KnowledgeAnalyzers.BodyField(language) })
                    query.Add(new TermQuery(new Term(field, term)) { Boost = FieldBoosts[field] }, Occur.SHOULD);
            }

            return query;
        }

        var parser = new MultiFieldQueryParser(KnowledgeAnalyzers.Version, fields, analyzer, FieldBoosts) { DefaultOperator = Operator.OR };
        // The reader's words are words, never query syntax: "faktura OR *" searches for those words.
        if (parser.Parse(QueryParserBase.Escape(text.Trim())) is { } exact && !(exact is BooleanQuery { Clauses.Count: 0 }))
            query.Add(exact, Occur.SHOULD);

        if (text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length > FuzzyMaxWords)
            return query;
        var automata = new Dictionary<string, IList<CompiledAutomaton>>(StringComparer.Ordinal);
        foreach (var (language, field) in languages.SelectMany(l => new[] { (l, KnowledgeAnalyzers.TitleField(l)), (l, KnowledgeAnalyzers.BodyField(l)) }))
        {
            foreach (var term in words.Unknown(language).Where(t => t.Length >= FuzzyMinLength))
            {
                var fuzzy = new TypoQuery(new Term(field, term), maxEdits: term.Length >= 7 ? 2 : 1, automata)
                {
                    Boost = FieldBoosts[field] * 0.5f,
                };
                query.Add(fuzzy, Occur.SHOULD);
            }
        }

        return query;
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
        new StoredField("languageName", article.Language.ToString()),
        new StringField("visibility", article.IsPublic ? "public" : "internal", Field.Store.YES),
        new TextField(KnowledgeAnalyzers.TitleField(article.Language), article.Title, Field.Store.YES),
        new TextField(KnowledgeAnalyzers.BodyField(article.Language), plainBody, Field.Store.YES),
    ];

    /// <summary>
    /// A filter's articles kept per segment as a bit set. A bit set lets the search apply the filter while scoring (random
    /// access); Lucene's default cache does not, so the filter and the query would step in turn, one document at a time.
    /// </summary>
    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new Lucene.Net.Util.FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }

    /// <summary>
    /// A <see cref="FuzzyQuery"/> (prefix 1) that shares its Levenshtein automata with the others of one search for the
    /// same word: a word is tried in up to eight fields and forms, and building its automata (one per number of edits)
    /// was most of the time a typo took. The words found are the same; only the building is done once.
    /// </summary>
    private sealed class TypoQuery(Term term, int maxEdits, Dictionary<string, IList<CompiledAutomaton>> automata) : FuzzyQuery(term, maxEdits, prefixLength: 1)
    {
        protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts)
        {
            // FuzzyTermsEnum builds into, and takes from, this attribute the automata for its word.
            var built = atts.AddAttribute<FuzzyTermsEnum.ILevenshteinAutomataAttribute>().Automata;
            if (built.Count == 0 && automata.TryGetValue(Term.Text, out var known))
            {
                foreach (var automaton in known)
                    built.Add(automaton);
            }

            var words = base.GetTermsEnum(terms, atts);
            if (built.Count > 0)
                automata.TryAdd(Term.Text, [.. built]);
            return words;
        }
    }

    /// <summary>A Swedish word list and the analyzer that splits compounds by it, replaced together.</summary>
    private sealed class Snapshot(CharArraySet words)
    {
        public CharArraySet Words { get; } = words;

        public Analyzer Analyzer { get; } = KnowledgeAnalyzers.PerField(words);
    }
}
