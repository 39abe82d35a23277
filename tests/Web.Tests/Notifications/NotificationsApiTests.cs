using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moment.TestSupport;
using Moment.Web.Realtime;

namespace Moment.Web.Tests.Notifications;

/// <summary>
/// /api/notifications and the notifications page, on every provider: a mention and a customer's "no" reach the person's
/// list through the feed, unread, counted in the header, and are marked read one by one or all at once.
/// </summary>
public abstract class NotificationsApiTests(MomentApp app) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";
    private const string Erik = "erik.sjo@moment.test";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public async ValueTask InitializeAsync()
    {
        app.RequireProvider();
        // The demo data's own news must be in the lists before a test counts what is unread.
        await FeedReading.HandledByAsync(app.Services, LiveNotifications.SubscriberName, Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MentionAndCustomersNo_AreUnreadNotifications_MarkedReadOneByOneAndAll()
    {
        using var sara = await app.ClientForAsync(Sara);
        using var erik = await app.ClientForAsync(Erik);
        await MarkAllReadAsync(erik);
        await MarkAllReadAsync(sara);
        var number = await sara.NewCaseAsync("Routern startar om");

        using var noted = await sara.PostAsJsonAsync($"/api/cases/{number}/notes", new { text = "@erik.sjo hade du samma fel?" }, Ct);
        Assert.True(noted.IsSuccessStatusCode, await noted.Content.ReadAsStringAsync(Ct));
        using var proposed = await sara.PostAsJsonAsync($"/api/cases/{number}/resolution", new { text = "Routern är utbytt." }, Ct);
        Assert.True(proposed.IsSuccessStatusCode, await proposed.Content.ReadAsStringAsync(Ct));
        using var customer = app.CreateClient();
        using var no = await customer.PostAsJsonAsync($"/api/public/cases/{await sara.CustomerTokenAsync(number)}/object", new { }, Ct);
        Assert.True(no.IsSuccessStatusCode, await no.Content.ReadAsStringAsync(Ct));

        var eriks = await UntilAsync(erik, list => list.Any(n => Is(n, number, "mentioned")));
        var saras = await UntilAsync(sara, list => list.Any(n => Is(n, number, "resolutionObjected")));
        Assert.False(eriks.Single(n => Is(n, number, "mentioned")).GetProperty("isRead").GetBoolean());
        Assert.DoesNotContain(eriks, n => Is(n, number, "resolutionObjected"));
        Assert.DoesNotContain(saras, n => Is(n, number, "mentioned"));
        Assert.Equal(1, await UnreadAsync(erik));

        var mention = eriks.Single(n => Is(n, number, "mentioned")).GetProperty("id").GetInt64();
        using var othersRead = await sara.PostAsync($"/api/notifications/{mention}/read", null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, othersRead.StatusCode);
        using var read = await erik.PostAsync($"/api/notifications/{mention}/read", null, Ct);
        Assert.Equal(1, (await read.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("marked").GetInt32());
        Assert.Equal(0, await UnreadAsync(erik));
        Assert.True(await UnreadAsync(sara) >= 1);
        await MarkAllReadAsync(sara);
        Assert.Equal(0, await UnreadAsync(sara));
        Assert.Empty((await sara.GetFromJsonAsync<JsonElement>("/api/notifications?unread=true", Ct)).EnumerateArray());
    }

    [Fact]
    public async Task NotificationsPage_ShowsTheNewsInSwedishWithTheUnreadCountInTheHeader()
    {
        using var sara = await app.ClientForAsync(Sara);
        using var erik = await app.ClientForAsync(Erik);
        await MarkAllReadAsync(erik);
        var number = await sara.NewCaseAsync("Telefonen är död");
        using var noted = await sara.PostAsJsonAsync($"/api/cases/{number}/notes", new { text = "Kan @erik.sjo ta en titt?" }, Ct);
        await UntilAsync(erik, list => list.Any(n => Is(n, number, "mentioned")));
        using var browser = await app.SignedInClientAsync(Erik);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sv-SE");

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/notifications", Ct));

        Assert.Contains("Du nämndes i en anteckning på ", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"cases/{number}\"", page, StringComparison.Ordinal);
        Assert.Matches("<span id=\"unread-count\">1</span>", page);
        Assert.Contains("Oläst", page, StringComparison.Ordinal);
    }

    private static bool Is(JsonElement notification, string number, string kind) =>
        notification.GetProperty("caseNumber").GetString() == number && string.Equals(notification.GetProperty("kind").GetString(), kind, StringComparison.OrdinalIgnoreCase);

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/notifications/unread-count", Ct)).GetProperty("unread").GetInt32();

    private static async Task MarkAllReadAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/notifications/read", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The person's notifications once they satisfy <paramref name="condition"/>: the feed writes them after the commit. Polls with a deadline.</summary>
    private static async Task<IReadOnlyList<JsonElement>> UntilAsync(HttpClient client, Func<IReadOnlyList<JsonElement>, bool> condition)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(Patience);
        while (true)
        {
            var list = (await client.GetFromJsonAsync<JsonElement>("/api/notifications", patience.Token)).EnumerateArray().ToList();
            if (condition(list))
                return list;
            await Task.Delay(50, patience.Token);
        }
    }
}

public sealed class NotificationsApiTestsOnSqlite(SqliteApp app) : NotificationsApiTests(app), IClassFixture<SqliteApp>;

public sealed class NotificationsApiTestsOnPostgres(PostgresApp app) : NotificationsApiTests(app), IClassFixture<PostgresApp>;
