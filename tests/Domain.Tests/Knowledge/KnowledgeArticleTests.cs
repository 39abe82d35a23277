using Moment.Domain.Knowledge;

namespace Moment.Domain.Tests.Knowledge;

public sealed class KnowledgeArticleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Sara = Guid.NewGuid();
    private static readonly Guid Erik = Guid.NewGuid();
    private static readonly DateOnly InHalfAYear = new(2027, 6, 1);

    [Fact]
    public void Write_NewArticle_IsVersionOneWithEverythingWritten()
    {
        var (article, version) = KnowledgeArticle.Write(ArticleLanguage.Swedish, "  Routern  ", "Starta om.", ArticleVisibility.Internal, Sara, InHalfAYear, Sara, Now);

        Assert.Equal("Routern", article.Title);
        Assert.Equal(1, article.Version);
        Assert.Equal(1, version.Number);
        Assert.Equal(ArticleChanges.Written, version.Changes);
    }

    [Fact]
    public void Revise_TitleAndOwner_RecordsExactlyWhatChangedAndWho()
    {
        var (article, _) = KnowledgeArticle.Write(ArticleLanguage.Swedish, "Routern", "Starta om.", ArticleVisibility.Internal, Sara, InHalfAYear, Sara, Now);

        var version = article.Revise("Routern blinkar", "Starta om.", ArticleVisibility.Internal, Erik, InHalfAYear, Erik, Now.AddHours(1));

        Assert.NotNull(version);
        Assert.Equal(ArticleChanges.Title | ArticleChanges.Owner, version.Changes);
        Assert.Equal(Erik, version.ChangedById);
        Assert.Equal(2, article.Version);
    }

    [Fact]
    public void Revise_NothingChanged_IsNoVersion()
    {
        var (article, _) = KnowledgeArticle.Write(ArticleLanguage.English, "Router", "Restart it.", ArticleVisibility.Public, Sara, InHalfAYear, Sara, Now);

        Assert.Null(article.Revise("Router ", "Restart it.", ArticleVisibility.Public, Sara, InHalfAYear, Erik, Now.AddHours(1)));
        Assert.Equal(1, article.Version);
    }

    [Fact]
    public void Write_ReviewDateInThePast_IsRefusedNamingTheField()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            KnowledgeArticle.Write(ArticleLanguage.Swedish, "Gammal", "Text.", ArticleVisibility.Internal, Sara, new DateOnly(2026, 12, 1), Sara, Now));

        Assert.Equal("ReviewBy", error.Field);
    }

    [Fact]
    public void Write_TranslationInTheOriginalsLanguage_IsRefused()
    {
        var (original, _) = KnowledgeArticle.Write(ArticleLanguage.Swedish, "Routern", "Starta om.", ArticleVisibility.Public, Sara, InHalfAYear, Sara, Now);

        var error = Assert.Throws<DomainRuleException>(() =>
            KnowledgeArticle.Write(ArticleLanguage.Swedish, "Routern igen", "Starta om.", ArticleVisibility.Public, Sara, InHalfAYear, Sara, Now, original));

        Assert.Equal("Language", error.Field);
    }
}
