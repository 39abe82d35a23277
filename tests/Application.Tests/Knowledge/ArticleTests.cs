using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Knowledge;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Domain.Knowledge;
using Moment.TestSupport;

namespace Moment.Application.Tests.Knowledge;

/// <summary>Writing, translating and revising articles on a real database of each provider: versions, rules, the index kept current.</summary>
public abstract class ArticleTests(ApplicationHost host) : IAsyncLifetime
{
    private const string Agent = "sara.holm@moment.test";
    private const string OtherAgent = "erik.sjo@moment.test";
    private const string TeamLead = "johan.ek@moment.test";
    private const string Leadership = "per.dahl@moment.test";

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateOnly InHalfAYear => DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime).AddMonths(6);

    [Fact]
    public async Task ReviseArticle_ByAnotherAgent_KeepsEveryVersionWithWhoChangedWhat()
    {
        await using var scope = host.Scope();
        var sara = await scope.ActorAsync(Agent);
        var erik = await scope.ActorAsync(OtherAgent);
        var article = await scope.ServiceProvider.GetRequiredService<WriteArticle>().HandleAsync(sara,
            new WriteArticleRequest(ArticleLanguage.Swedish, "Modemet blinkar", "Starta om modemet.", ArticleVisibility.Internal, InHalfAYear), Ct);

        await using var editing = host.Scope();
        await editing.ServiceProvider.GetRequiredService<ReviseArticle>().HandleAsync(erik,
            new ReviseArticleRequest(article.Id, "Modemet blinkar", "Starta om modemet och vänta två minuter.", ArticleVisibility.Internal, sara.Id, InHalfAYear, ExpectedVersion: 1), Ct);

        await using var reading = host.Scope();
        var details = await reading.ServiceProvider.GetRequiredService<GetArticle>().HandleAsync(article.Id, cancellationToken: Ct);
        Assert.Equal(2, details.Version);
        Assert.Equal("Sara Holm", details.Owner);
        Assert.Collection(details.Versions,
            latest =>
            {
                Assert.Equal(2, latest.Number);
                Assert.Equal(ArticleChanges.Body, latest.Changes);
                Assert.Equal("Erik Sjö", latest.ChangedBy);
            },
            first =>
            {
                Assert.Equal(1, first.Number);
                Assert.Equal(ArticleChanges.Written, first.Changes);
                Assert.Equal("Sara Holm", first.ChangedBy);
            });
    }

    [Fact]
    public async Task ReviseArticle_NothingChanged_WritesNoVersion()
    {
        await using var scope = host.Scope();
        var sara = await scope.ActorAsync(Agent);
        var article = await scope.ServiceProvider.GetRequiredService<WriteArticle>().HandleAsync(sara,
            new WriteArticleRequest(ArticleLanguage.Swedish, "Oförändrad", "Text.", ArticleVisibility.Internal, InHalfAYear), Ct);

        await scope.ServiceProvider.GetRequiredService<ReviseArticle>().HandleAsync(sara,
            new ReviseArticleRequest(article.Id, " Oförändrad ", "Text.", ArticleVisibility.Internal, sara.Id, InHalfAYear), Ct);

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.KnowledgeArticleVersions.CountAsync(v => v.ArticleId == article.Id, Ct));
    }

    [Fact]
    public async Task ReviseArticle_FromAnOldVersion_IsAConflict()
    {
        await using var scope = host.Scope();
        var sara = await scope.ActorAsync(Agent);
        var article = await scope.ServiceProvider.GetRequiredService<WriteArticle>().HandleAsync(sara,
            new WriteArticleRequest(ArticleLanguage.English, "Old news", "First.", ArticleVisibility.Internal, InHalfAYear), Ct);
        await scope.ServiceProvider.GetRequiredService<ReviseArticle>().HandleAsync(sara,
            new ReviseArticleRequest(article.Id, "Old news", "Second.", ArticleVisibility.Internal, sara.Id, InHalfAYear, ExpectedVersion: 1), Ct);

        await using var late = host.Scope();
        await Assert.ThrowsAsync<ConflictException>(() => late.ServiceProvider.GetRequiredService<ReviseArticle>().HandleAsync(sara,
            new ReviseArticleRequest(article.Id, "Old news", "Third, from version 1.", ArticleVisibility.Internal, sara.Id, InHalfAYear, ExpectedVersion: 1), Ct));
    }

    [Fact]
    public async Task WriteArticle_Translation_IsLinkedToItsOriginalBothWays()
    {
        await using var scope = host.Scope();
        var sara = await scope.ActorAsync(Agent);
        var write = scope.ServiceProvider.GetRequiredService<WriteArticle>();
        var original = await write.HandleAsync(sara, new WriteArticleRequest(ArticleLanguage.Swedish, "Faktura saknas", "Ring oss.", ArticleVisibility.Public, InHalfAYear), Ct);
        var translation = await write.HandleAsync(sara, new WriteArticleRequest(ArticleLanguage.English, "Missing invoice", "Call us.", ArticleVisibility.Public, InHalfAYear, OriginalId: original.Id), Ct);

        var get = scope.ServiceProvider.GetRequiredService<GetArticle>();
        Assert.Equal(translation.Id, Assert.Single((await get.HandleAsync(original.Id, cancellationToken: Ct)).OtherLanguages).Id);
        Assert.Equal(original.Id, Assert.Single((await get.HandleAsync(translation.Id, cancellationToken: Ct)).OtherLanguages).Id);
        await Assert.ThrowsAsync<ConflictException>(() => write.HandleAsync(sara,
            new WriteArticleRequest(ArticleLanguage.English, "Missing invoice again", "Call us.", ArticleVisibility.Public, InHalfAYear, OriginalId: original.Id), Ct));
    }

    [Fact]
    public async Task WriteArticle_PublicForSomeoneElse_IsForAgentsForbiddenAndForTeamLeadsAllowed()
    {
        await using var scope = host.Scope();
        var sara = await scope.ActorAsync(Agent);
        var johan = await scope.ActorAsync(TeamLead);
        var erik = await scope.ActorAsync(OtherAgent);
        var write = scope.ServiceProvider.GetRequiredService<WriteArticle>();
        var request = new WriteArticleRequest(ArticleLanguage.Swedish, "Publik för Erik", "Text.", ArticleVisibility.Public, InHalfAYear, OwnerId: erik.Id);

        await Assert.ThrowsAsync<ForbiddenException>(() => write.HandleAsync(sara, request, Ct));
        var written = await write.HandleAsync(johan, request, Ct);

        Assert.Equal(erik.Id, written.OwnerId);
    }

    [Fact]
    public async Task WriteArticle_AsLeadership_IsForbidden()
    {
        await using var scope = host.Scope();
        var per = await scope.ActorAsync(Leadership);

        await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<WriteArticle>().HandleAsync(per,
            new WriteArticleRequest(ArticleLanguage.Swedish, "Ledningens råd", "Text.", ArticleVisibility.Internal, InHalfAYear), Ct));
    }

    [Fact]
    public async Task ReviseArticle_NewWords_AreFoundAtOnce()
    {
        await using var scope = host.Scope();
        var sara = await scope.ActorAsync(Agent);
        var article = await scope.ServiceProvider.GetRequiredService<WriteArticle>().HandleAsync(sara,
            new WriteArticleRequest(ArticleLanguage.Swedish, "Larmet tjuter", "Tryck på knappen.", ArticleVisibility.Internal, InHalfAYear), Ct);
        var search = scope.ServiceProvider.GetRequiredService<SearchArticles>();
        Assert.DoesNotContain(await search.HandleAsync(new SearchArticlesRequest("brandvarnare"), Ct), h => h.Id == article.Id);

        await scope.ServiceProvider.GetRequiredService<ReviseArticle>().HandleAsync(sara,
            new ReviseArticleRequest(article.Id, "Larmet tjuter", "Byt batteri i brandvarnaren.", ArticleVisibility.Internal, sara.Id, InHalfAYear), Ct);

        Assert.Contains(await search.HandleAsync(new SearchArticlesRequest("brandvarnare"), Ct), h => h.Id == article.Id);
    }

    [Fact]
    public async Task GetArticle_InternalForCustomers_DoesNotExist()
    {
        await using var scope = host.Scope();
        var sara = await scope.ActorAsync(Agent);
        var article = await scope.ServiceProvider.GetRequiredService<WriteArticle>().HandleAsync(sara,
            new WriteArticleRequest(ArticleLanguage.Swedish, "Internt", "Bara för oss.", ArticleVisibility.Internal, InHalfAYear), Ct);

        await Assert.ThrowsAsync<NotFoundException>(() => scope.ServiceProvider.GetRequiredService<GetArticle>().HandleAsync(article.Id, publicOnly: true, Ct));
    }

    [Fact]
    public async Task ListArticles_ReviewOverdue_ListsTheOwnersOverdueArticles()
    {
        await using var scope = host.Scope();
        var sara = await scope.ActorAsync(Agent);
        var today = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime);
        var article = await scope.ServiceProvider.GetRequiredService<WriteArticle>().HandleAsync(sara,
            new WriteArticleRequest(ArticleLanguage.Swedish, "Snart gammal", "Text.", ArticleVisibility.Internal, today.AddDays(1)), Ct);
        var list = scope.ServiceProvider.GetRequiredService<ListArticles>();
        Assert.DoesNotContain(await list.HandleAsync(new ArticleFilter(ReviewOverdueFor: sara.Id), Ct), a => a.Id == article.Id);

        host.Time.Advance(TimeSpan.FromDays(2));

        Assert.Contains(await list.HandleAsync(new ArticleFilter(ReviewOverdueFor: sara.Id), Ct), a => a.Id == article.Id);
    }

    [Fact]
    public async Task SuggestArticles_CaseText_SuggestsTheMatchingPublicArticle()
    {
        await using var scope = host.Scope();
        var sara = await scope.ActorAsync(Agent);
        var article = await scope.ServiceProvider.GetRequiredService<WriteArticle>().HandleAsync(sara,
            new WriteArticleRequest(ArticleLanguage.Swedish, "Värmepumpen piper", "Rengör filtret i värmepumpen.", ArticleVisibility.Public, InHalfAYear), Ct);

        var suggested = await scope.ServiceProvider.GetRequiredService<SuggestArticles>().HandleAsync(
            "Kunden ringer och säger att hennes värmepump piper hela natten och hon vet inte vad hon ska göra.", ArticleLanguage.Swedish, publicOnly: true, Ct);

        Assert.Equal(article.Id, suggested[0].Id);
    }

    [Fact]
    public async Task SuggestArticlesForCase_CaseText_SuggestsInternalAndPublicArticlesInEitherLanguage_AndNothingWithoutAMatch()
    {
        await using var scope = host.Scope();
        var sara = await scope.ActorAsync(Agent);
        var write = scope.ServiceProvider.GetRequiredService<WriteArticle>();
        var inside = await write.HandleAsync(sara, new WriteArticleRequest(ArticleLanguage.Swedish, "Fiberboxen tappar länken",
            "Byt fiberkabeln mellan fiberboxen och uttaget.", ArticleVisibility.Internal, InHalfAYear), Ct);
        var outside = await write.HandleAsync(sara, new WriteArticleRequest(ArticleLanguage.English, "The fibre box loses its link",
            "Replace the fibre cable between the fibre box and the socket.", ArticleVisibility.Public, InHalfAYear), Ct);
        var matching = await NewCaseAsync(scope, "Fiberboxen tappar länken", "Kunden säger att fiberboxen tappar länken varje kväll.");
        var inEnglish = await NewCaseAsync(scope, "Fibre box", "The customer's fibre box loses its link every evening.");
        var unrelated = await NewCaseAsync(scope, "Qwxyzt", "Zyxwvq.");

        var suggest = scope.ServiceProvider.GetRequiredService<SuggestArticles>();
        var forMatching = await suggest.ForCaseAsync(matching, Ct);
        var forEnglish = await suggest.ForCaseAsync(inEnglish, Ct);
        var forUnrelated = await suggest.ForCaseAsync(unrelated, Ct);

        Assert.Equal(inside.Id, forMatching[0].Id);
        Assert.Contains("<mark>", forMatching[0].SnippetHtml, StringComparison.Ordinal);
        Assert.Equal(outside.Id, forEnglish[0].Id);
        Assert.Empty(forUnrelated);
    }

    private async Task<string> NewCaseAsync(AsyncServiceScope scope, string subject, string description)
    {
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customer = await db.Customers.Select(c => c.Id).FirstAsync(Ct);
        var sara = await scope.ActorAsync(Agent);
        var registered = await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer, null, subject, description, null, Door.Chat, null), sara.Id, Ct);
        return registered.Number;
    }
}

public sealed class ArticleTestsOnSqlite(SqliteHost host) : ArticleTests(host), IClassFixture<SqliteHost>;

public sealed class ArticleTestsOnPostgres(PostgresHost host) : ArticleTests(host), IClassFixture<PostgresHost>;
