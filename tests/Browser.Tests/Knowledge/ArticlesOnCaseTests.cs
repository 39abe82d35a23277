using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Knowledge;
using Moment.Browser.Tests.Pages;
using Moment.Browser.Tests.Shell;
using Moment.Domain.Cases;
using Moment.Domain.Knowledge;
using Moment.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Moment.Browser.Tests.Knowledge;

/// <summary>The knowledge base on the case page: articles that match the case are suggested, with their snippet and a link to each.</summary>
public abstract class ArticlesOnCaseTests(BrowserApp app)
{
    private const string Agent = "sara.holm@moment.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each language's run has words of its own: the app (and its index) is shared by every test class.</summary>
    [Theory]
    [InlineData("sv-SE", "Kvarnstensmodemet", "millstone")]
    [InlineData("en-GB", "Ankarlampan", "anchorlamp")]
    public async Task CaseWhoseTextMatchesArticles_ShowsThemInBothLanguages_AndTheLinkOpensTheArticle(string locale, string swedishWord, string englishWord)
    {
        var swedish = await ArticleAsync(ArticleLanguage.Swedish, $"{swedishWord} tappar ljudet",
            $"Om {swedishWord.ToLowerInvariant()} tappar ljudet: dra ur sladden och vänta en minut.", ArticleVisibility.Internal);
        var english = await ArticleAsync(ArticleLanguage.English, $"The {englishWord} goes dark",
            $"When the {englishWord} goes dark, replace its fuse.", ArticleVisibility.Public);
        var matching = await CaseAsync($"{swedishWord} tappar ljudet", $"Kunden säger att {swedishWord.ToLowerInvariant()} tappar ljudet. Also the {englishWord} went dark.");
        var unrelated = await CaseAsync("Qzxv wyrt", "Plkm vbnq.");
        var page = await LoginPage.SignedInAsync(app, Agent, locale);

        await page.GotoAsync($"/cases/{unrelated}");
        await Expect(page.Locator("h1")).ToContainTextAsync(unrelated);
        await Expect(page.Locator("#case-articles")).ToHaveCountAsync(0);

        await page.GotoAsync($"/cases/{matching}");
        var suggestions = page.Locator("#case-articles");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = locale == "sv-SE" ? "Artiklar som kan hjälpa" : "Articles that may help" })).ToBeVisibleAsync();
        var inEnglish = suggestions.GetByRole(AriaRole.Link, new() { Name = $"The {englishWord} goes dark" });
        await Expect(inEnglish).ToHaveAttributeAsync("href", $"knowledge/{english}");
        await Expect(inEnglish).ToHaveAttributeAsync("lang", "en");
        await Expect(suggestions.Locator("mark").First).ToBeVisibleAsync();
        await AccessibilityTests.AssertAccessibleAsync(page);

        await suggestions.GetByRole(AriaRole.Link, new() { Name = $"{swedishWord} tappar ljudet" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/knowledge/{swedish}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{swedishWord} tappar ljudet", Level = 1 })).ToBeVisibleAsync();
    }

    private async Task<Guid> ArticleAsync(ArticleLanguage language, string title, string body, ArticleVisibility visibility)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var writer = await scope.ActorAsync(Agent);
        var reviewBy = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6);
        return (await scope.ServiceProvider.GetRequiredService<WriteArticle>().HandleAsync(writer, new WriteArticleRequest(language, title, body, visibility, reviewBy), Ct)).Id;
    }

    private async Task<string> CaseAsync(string subject, string description)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var customer = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Customers.Select(c => c.Id).FirstAsync(Ct);
        var sara = await scope.ActorAsync(Agent);
        return (await scope.ServiceProvider.GetRequiredService<RegisterCase>().HandleAsync(
            new RegisterCaseRequest(customer, null, subject, description, null, Door.Phone, null), sara.Id, Ct)).Number;
    }
}

public sealed class ArticlesOnCaseTestsOnSqlite(SqliteBrowserApp app) : ArticlesOnCaseTests(app);

public sealed class ArticlesOnCaseTestsOnPostgres(PostgresBrowserApp app) : ArticlesOnCaseTests(app);
