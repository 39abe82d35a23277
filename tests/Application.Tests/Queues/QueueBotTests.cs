using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Chat;
using Moment.Application.Data;
using Moment.Application.Knowledge;
using Moment.Application.Queues;
using Moment.Domain.Knowledge;
using Moment.Domain.Queues;
using Moment.TestSupport;

namespace Moment.Application.Tests.Queues;

/// <summary>
/// The bot with the knowledge base behind its own list, on a real database of each provider: a public article in the
/// chat's language is offered as an answer, and every rule that keeps a person one step away still holds.
/// </summary>
public abstract class QueueBotTests(ApplicationHost host) : IAsyncLifetime
{
    private const string Writer = "sara.holm@moment.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        host.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task TakeTurn_NoAnswerInTheList_OffersThePublicArticleInTheChatsLanguage_AsAnAnswer()
    {
        var queue = await BotQueueAsync();
        var swedish = await ArticleAsync(ArticleLanguage.Swedish, "Elsparkcykelns laddare blinkar", "Blinkar laddaren till elsparkcykeln rött? Dra ur kontakten i en minut.", ArticleVisibility.Public);
        var english = await ArticleAsync(ArticleLanguage.English, "The e-scooter charger blinks", "Does the e-scooter charger blink red? Unplug it for a minute.", ArticleVisibility.Public);
        var secret = await ArticleAsync(ArticleLanguage.Swedish, "Elsparkcykelns laddare: reservdelar", "Laddaren till elsparkcykeln beställs från lagret.", ArticleVisibility.Internal);

        var inSwedish = await StartAsync(queue, "Min elsparkcykel laddare blinkar", "sv");
        var inEnglish = await StartAsync(queue, "My e-scooter charger blinks", "en");

        Assert.Equal(ContactState.WithBot, inSwedish.State);
        var offer = BotLines(inSwedish)[0];
        Assert.StartsWith("Det här kan svara på din fråga:", offer, StringComparison.Ordinal);
        Assert.Contains("Elsparkcykelns laddare blinkar: ", offer, StringComparison.Ordinal);
        Assert.Contains("Dra ur kontakten", offer, StringComparison.Ordinal);
        Assert.Contains($"/help/{swedish}", offer, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.ToString(), offer, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>", offer, StringComparison.Ordinal);
        Assert.Equal("Hjälpte det? Om inte, välj \"Prata med en person\".", BotLines(inSwedish)[1]);

        Assert.Equal(ContactState.WithBot, inEnglish.State);
        Assert.Contains($"/help/{english}", BotLines(inEnglish)[0], StringComparison.Ordinal);
        Assert.DoesNotContain($"/help/{swedish}", BotLines(inEnglish)[0], StringComparison.Ordinal);
        Assert.Equal("Did that help? If not, choose \"Talk to a person\".", BotLines(inEnglish)[1]);
    }

    [Fact]
    public async Task TakeTurn_OnlyAnInternalArticleMatches_IsAMiss()
    {
        var queue = await BotQueueAsync();
        await ArticleAsync(ArticleLanguage.Swedish, "Kvasarlampans nätdel", "Kvasarlampan slocknar när nätdelen är trasig.", ArticleVisibility.Internal);

        var started = await StartAsync(queue, "kvasarlampan", "sv");

        Assert.Equal(ContactState.WithBot, started.State);
        Assert.Equal("Jag hittade inget svar. Prova andra ord, eller välj \"Prata med en person\".", Assert.Single(BotLines(started)));
    }

    [Fact]
    public async Task TakeTurn_AfterAnArticle_TwoMissesInARowStillHandOver()
    {
        var queue = await BotQueueAsync();
        await ArticleAsync(ArticleLanguage.Swedish, "Hoverbrädans hjul gnisslar", "Gnisslar hjulen på hoverbrädan? Smörj axeln.", ArticleVisibility.Public);
        var started = await StartAsync(queue, "hoverbrädan gnisslar", "sv");
        Assert.Equal(ContactState.WithBot, started.State);

        var first = await WriteAsync(started.Token, "zqxw vbnm");
        var second = await WriteAsync(started.Token, "plmk okjn");

        Assert.Equal(ContactState.WithBot, first.State);
        Assert.Equal(ContactState.Waiting, second.State);
        Assert.Equal("Jag har inget bra svar. Jag lämnar över till en person; du behåller din plats.", BotLines(second)[^1]);
    }

    [Fact]
    public async Task TakeTurn_AsksForAPersonWithWordsAnArticleMatches_HandsOverAtOnce()
    {
        var queue = await BotQueueAsync();
        await ArticleAsync(ArticleLanguage.Swedish, "Solpanelens växelriktare piper", "Piper växelriktaren till solpanelen? Läs av displayen.", ArticleVisibility.Public);

        var started = await StartAsync(queue, "Jag vill prata med en människa om växelriktaren som piper", "sv");

        Assert.Equal(ContactState.Waiting, started.State);
        Assert.DoesNotContain(BotLines(started), line => line.Contains("/help/", StringComparison.Ordinal));
    }

    private static List<string> BotLines((string Token, ContactState State, IReadOnlyList<ChatLine> Messages) chat) =>
        [.. chat.Messages.Where(m => m.Author == ChatAuthor.Moment).Select(m => m.Text)];

    private async Task<(string Token, ContactState State, IReadOnlyList<ChatLine> Messages)> StartAsync(Guid queue, string question, string language)
    {
        await using var scope = host.Scope();
        var started = await scope.ServiceProvider.GetRequiredService<StartChat>().HandleAsync(
            new StartChatRequest(queue, "Kund " + language, question, null, null, language), Ct);
        return (started.Token, started.Standing.State, started.Standing.Messages);
    }

    private async Task<(string Token, ContactState State, IReadOnlyList<ChatLine> Messages)> WriteAsync(string token, string text)
    {
        await using var scope = host.Scope();
        var standing = await scope.ServiceProvider.GetRequiredService<WriteInChat>().HandleAsync(token, text, null, Ct);
        return (token, standing.State, standing.Messages);
    }

    private async Task<Guid> ArticleAsync(ArticleLanguage language, string title, string body, ArticleVisibility visibility)
    {
        await using var scope = host.Scope();
        var writer = await scope.ActorAsync(Writer);
        var reviewBy = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime).AddMonths(6);
        return (await scope.ServiceProvider.GetRequiredService<WriteArticle>().HandleAsync(writer,
            new WriteArticleRequest(language, title, body, visibility, reviewBy), Ct)).Id;
    }

    private async Task<Guid> BotQueueAsync()
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var chat = await db.Teams.Where(t => t.Name == "Chat").Select(t => t.Id).SingleAsync(Ct);
        var admin = await scope.ActorAsync("astrid.lind@moment.test");
        var saved = await scope.ServiceProvider.GetRequiredService<QueueSettings>().SaveAsync(
            null, new SaveQueueRequest(chat, "Botten", "q" + Guid.NewGuid().ToString("N")[..10], null, null, null, null, BotFirst: true), admin, Ct);
        return saved.Id;
    }
}

public sealed class QueueBotTestsOnSqlite(SqliteHost host) : QueueBotTests(host), IClassFixture<SqliteHost>;

public sealed class QueueBotTestsOnPostgres(PostgresHost host) : QueueBotTests(host), IClassFixture<PostgresHost>;
