using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Knowledge;
using Moment.Application.Data;
using Moment.Domain.Knowledge;
using Moment.TestSupport;

namespace Moment.Application.Tests.Knowledge;

/// <summary>
/// Search relevance on sixty Swedish and English articles saved through the use cases: each query's expected article
/// ranks first (or within the few named). The index is the application's own, built from the database.
/// </summary>
public abstract class SearchRelevanceTests(SearchCorpusHost corpus) : IAsyncLifetime
{
    public static TheoryData<SearchCorpus.Expectation> Queries => [.. SearchCorpus.Queries];

    public ValueTask InitializeAsync()
    {
        corpus.Host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public void Corpus_HasAtLeastFiftyArticlesAndThirtyQueries()
    {
        Assert.True(SearchCorpus.Articles.Count >= 50);
        Assert.True(SearchCorpus.Queries.Count >= 30);
        Assert.Contains(SearchCorpus.Articles, a => a.Language == ArticleLanguage.English);
        Assert.Contains(SearchCorpus.Articles, a => a.Language == ArticleLanguage.Swedish);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task SearchArticles_Query_FindsTheExpectedArticleOnTop(SearchCorpus.Expectation expectation)
    {
        await using var scope = corpus.Host.Scope();

        var hits = await scope.ServiceProvider.GetRequiredService<SearchArticles>().HandleAsync(
            new SearchArticlesRequest(expectation.Query, expectation.Language), TestContext.Current.CancellationToken);

        var titles = hits.Select(h => h.Title).ToList();
        var rank = titles.IndexOf(expectation.Expected) + 1;
        Assert.True(rank is > 0 && rank <= expectation.Within,
            $"'{expectation.Query}' put '{expectation.Expected}' at {(rank == 0 ? "no place" : rank.ToString(System.Globalization.CultureInfo.InvariantCulture))}; found: {string.Join(" | ", titles.Take(5))}");
    }

    [Fact]
    public async Task SearchArticles_Hit_HasASnippetWithTheMatchMarked()
    {
        await using var scope = corpus.Host.Scope();

        var hit = (await scope.ServiceProvider.GetRequiredService<SearchArticles>().HandleAsync(
            new SearchArticlesRequest("kopplingston", ArticleLanguage.Swedish), TestContext.Current.CancellationToken)).First();

        Assert.Contains("<mark>kopplingston</mark>", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchArticles_LongText_IsSearchedByItsMostTellingWords()
    {
        await using var scope = corpus.Host.Scope();
        // Far more than ten words the index holds, most of them in many articles: "kopplingston", in one, decides.
        const string text = "Kunden ringer och säger att telefonen hemma inte fungerar: ingen kopplingston i den fasta telefonen sedan i går, "
            + "fast hon har bytt sladden och kontrollerat fakturan, abonnemanget, kortet och appen.";

        var hits = await scope.ServiceProvider.GetRequiredService<SearchArticles>().HandleAsync(
            new SearchArticlesRequest(text, ArticleLanguage.Swedish), TestContext.Current.CancellationToken);

        Assert.Equal("Fast telefon utan ton", hits[0].Title);
    }

    [Fact]
    public async Task SearchArticles_PublicOnly_NeverFindsAnInternalArticle()
    {
        await using var scope = corpus.Host.Scope();
        var search = scope.ServiceProvider.GetRequiredService<SearchArticles>();

        var staff = await search.HandleAsync(new SearchArticlesRequest("goodwill voucher"), TestContext.Current.CancellationToken);
        var customers = await search.HandleAsync(new SearchArticlesRequest("goodwill voucher", PublicOnly: true), TestContext.Current.CancellationToken);

        Assert.Equal("Internal: goodwill vouchers for delays", staff[0].Title);
        Assert.DoesNotContain(customers, h => h.Visibility == ArticleVisibility.Internal);
    }

    [Fact]
    public async Task SearchArticles_Language_KeepsToThatLanguage()
    {
        await using var scope = corpus.Host.Scope();

        var hits = await scope.ServiceProvider.GetRequiredService<SearchArticles>().HandleAsync(
            new SearchArticlesRequest("router", ArticleLanguage.English), TestContext.Current.CancellationToken);

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal(ArticleLanguage.English, h.Language));
    }

    [Fact]
    public async Task KnowledgeIndex_NewInstance_IsBuiltFromTheDatabase()
    {
        await using var scope = corpus.Host.Scope();
        using var fresh = new KnowledgeIndex();

        await fresh.CatchUpAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), TestContext.Current.CancellationToken);

        Assert.True(fresh.Count >= SearchCorpus.Articles.Count);
        Assert.Equal("Rullstol och ledsagning", fresh.Search("ledsagning", ArticleLanguage.Swedish, publicOnly: false)[0].Title);
    }
}

/// <summary>An application host with the search corpus written into its database once for all the relevance tests.</summary>
public abstract class SearchCorpusHost(ApplicationHost host) : IAsyncLifetime
{
    public ApplicationHost Host { get; } = host;

    public async ValueTask InitializeAsync()
    {
        await Host.InitializeAsync();
        if (Host.Provider == DatabaseProvider.Postgres && PostgresServer.ConnectionString is null)
            return;
        await using var scope = Host.Scope();
        var writer = await scope.ActorAsync("sara.holm@moment.test");
        var write = scope.ServiceProvider.GetRequiredService<WriteArticle>();
        var reviewBy = DateOnly.FromDateTime(Host.Time.GetUtcNow().UtcDateTime).AddMonths(6);
        var written = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var article in SearchCorpus.Articles)
        {
            var originalId = article.TranslationOf is { } original ? written[original] : (Guid?)null;
            var saved = await write.HandleAsync(writer, new WriteArticleRequest(article.Language, article.Title, article.Body,
                article.Public ? ArticleVisibility.Public : ArticleVisibility.Internal, reviewBy, OriginalId: originalId));
            written[article.Title] = saved.Id;
        }
    }


    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSearchCorpus() : SearchCorpusHost(new SqliteHost());

public sealed class PostgresSearchCorpus() : SearchCorpusHost(new PostgresHost());

public sealed class SearchRelevanceTestsOnSqlite(SqliteSearchCorpus corpus) : SearchRelevanceTests(corpus), IClassFixture<SqliteSearchCorpus>;

public sealed class SearchRelevanceTestsOnPostgres(PostgresSearchCorpus corpus) : SearchRelevanceTests(corpus), IClassFixture<PostgresSearchCorpus>;
