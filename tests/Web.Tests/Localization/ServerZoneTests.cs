using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Absences;
using Moment.TestSupport;

namespace Moment.Web.Tests.Localization;

/// <summary>
/// Story (issue 11): a server on UTC told an agent at 14:31 in Stockholm that a fresh offer had to be answered "before
/// 14:01", so it looked expired. The same pages, rendered with the server's zone set to UTC, to Los Angeles and to Tokyo,
/// read the same, on the team's clock. The server's zone is the process's, so this collection runs alone.
/// </summary>
public abstract partial class ServerZoneTests(MomentApp app) : IAsyncLifetime
{
    public const string Collection = "Server time zone";

    private const string Omar = "omar.said@moment.test";          // Frontline, Shops
    private const string Sara = "sara.holm@moment.test";          // Agent, Phone
    private const string Maria = "maria.berg@moment.test";        // Manager
    private const string Erik = "erik.sjo@moment.test";           // Agent, Phone
    private const string Lina = "lina.strom@moment.test";         // Agent, Chat

    private static readonly string[] ServerZones = ["UTC", "America/Los_Angeles", "Asia/Tokyo"];
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Pages_OnServersInOtherZones_ShowTheSameTimesOnTheTeamsClock()
    {
        // Tuesday 14:31 in Stockholm, 13:31 UTC: the team's clock and UTC differ by an hour.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 13, 31, 0, TimeSpan.Zero));
        var now = TimeZoneInfo.ConvertTime(app.Time.GetUtcNow(), Stockholm);
        using var omar = await app.ClientForAsync(Omar);
        using var maria = await app.ClientForAsync(Maria);
        var number = await omar.NewCaseAsync("Invoice sent twice", "shop");
        using (var promised = await omar.PostAsJsonAsync($"/api/cases/{number}/commitments", new { kind = "callBack", what = "I'll call you back tomorrow before 15:00", nextBusinessDayAt = "15:00" }, Ct))
            Assert.Equal(HttpStatusCode.Created, promised.StatusCode);
        using (var offered = await omar.PostAsJsonAsync($"/api/cases/{number}/handoffs", new { toUserEmail = Sara, summary = "Two invoices; credit one", reason = "Phone handles invoices" }, Ct))
            Assert.Equal(HttpStatusCode.Created, offered.StatusCode);
        using (var decided = await maria.PostAsJsonAsync("/api/staffing/decisions", new
        {
            whatIf = new { forecast = "start,contacts,aht\n09:00,100,3m\n09:30,140,3m\n", plans = new object[] { new { agents = 14 } }, patience = "5m", replications = 2 },
            chosenPlan = 0,
            reason = "Enough for the invoice run.",
        }, Ct))
            Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        await app.CreateTokenAsync(Sara);
        await ErikIsBackWhileLinaKeepsHisPromiseAsync(now);
        var token = await omar.CustomerTokenAsync(number);
        var expiresAt = (await omar.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct)).GetProperty("pendingHandOff").GetProperty("expiresAt").GetDateTimeOffset();
        using var sara = await SignedInInEnglishAsync(Sara);
        using var manager = await SignedInInEnglishAsync(Maria);
        using var erik = await SignedInInEnglishAsync(Erik);
        using var customer = app.CreateClient();
        customer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var pages = new (string Name, HttpClient Client, string Path, string MustShow)[]
        {
            ("desk", sara, "/desk", "Answer before " + OnTeamsClock(expiresAt, now)),
            ("case page", sara, $"/cases/{number}", "24/11/2026 14:31"),
            ("customer's page", customer, $"/c/{token}", "by Wednesday 25 November 15:00"),
            ("decision log", manager, "/staffing/decisions", "24/11/2026 14:31"),
            ("profile's tokens", sara, "/profile", "24/11/2026 14:31"),
            ("welcome back", erik, "/away", "Wednesday 25 November 15:00) – with Lina Ström"),
        };

        // Opening a page may change what the next one shows (the case page reads the case's news, and the desk counts
        // the unread): one pass first, so that every pass compared below starts from the same state.
        foreach (var (_, client, path, _) in pages)
            await client.GetStringAsync(path, Ct);
        var seen = pages.ToDictionary(page => page.Name, _ => new List<string>());
        var original = Environment.GetEnvironmentVariable("TZ");
        try
        {
            foreach (var zone in ServerZones)
            {
                ServerZone(zone);
                Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(now), TimeZoneInfo.Local.GetUtcOffset(now));
                foreach (var (name, client, path, _) in pages)
                    seen[name].Add(Text(await client.GetStringAsync(path, Ct)));
            }
        }
        finally
        {
            ServerZone(original);
        }

        foreach (var (name, _, _, mustShow) in pages)
        {
            Assert.True(seen[name][0].Contains(mustShow, StringComparison.Ordinal), $"The {name} does not show \"{mustShow}\":\n{seen[name][0]}");
            Assert.All(seen[name], text => Assert.Equal(seen[name][0], text));
        }

        // The bug itself: a fresh offer's "answer before" lies ahead on the clock of the one who must answer.
        var shown = AnswerBefore().Match(seen["desk"][0]);
        Assert.True(shown.Success, "The desk shows no \"Answer before\" time.");
        var answerBefore = TimeOnly.ParseExact(shown.Groups["time"].Value, "HH:mm", CultureInfo.InvariantCulture);
        Assert.True(shown.Groups["date"].Success || answerBefore > TimeOnly.FromDateTime(now.DateTime), $"Answer before {answerBefore} at {now:HH:mm}");
    }

    /// <summary>Erik promised a call back tomorrow at 15:00, was away for an hour while Lina kept it, and is back.</summary>
    private async Task ErikIsBackWhileLinaKeepsHisPromiseAsync(DateTimeOffset now)
    {
        using var erik = await app.ClientForAsync(Erik);
        var number = await erik.NewCaseAsync("Bill higher than agreed", "phone", "Margit Andersson");
        using (var promised = await erik.PostAsJsonAsync($"/api/cases/{number}/commitments", new { kind = "callBack", what = "Call back about the bill", nextBusinessDayAt = "15:00" }, Ct))
            Assert.Equal(HttpStatusCode.Created, promised.StatusCode);
        // On the team's clock (+01:00), as a Swedish script would say it.
        using (var away = await erik.PutAsJsonAsync("/api/me/absence", new { from = now, to = now.AddDays(3), standIn = Lina }, Ct))
            Assert.Equal(HttpStatusCode.OK, away.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<StartDueAbsences>().HandleAsync(Ct);
        using var back = await erik.DeleteAsync("/api/me/absence", Ct);
        Assert.Equal(HttpStatusCode.NoContent, back.StatusCode);
    }

    /// <summary>How the desk says an offer's deadline: the time alone today, with the date on another day.</summary>
    private static string OnTeamsClock(DateTimeOffset instant, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Stockholm);
        return local.Date == now.Date ? local.ToString("t", English) : local.ToString("g", English);
    }

    private async Task<HttpClient> SignedInInEnglishAsync(string email)
    {
        var client = await app.SignedInClientAsync(email);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        return client;
    }

    /// <summary>Sets the process's zone, as TZ does for a server started in another country; null puts the original back.</summary>
    private static void ServerZone(string? zone)
    {
        Environment.SetEnvironmentVariable("TZ", zone);
        TimeZoneInfo.ClearCachedData();
    }

    /// <summary>What a reader reads: no markup, no comments (Blazor's per-request markers), no scripts.</summary>
    private static string Text(string html)
    {
        var text = Markup().Replace(html, " ");
        return Spaces().Replace(WebUtility.HtmlDecode(text), " ").Trim();
    }

    [GeneratedRegex(@"<script[\s\S]*?</script>|<style[\s\S]*?</style>|<!--[\s\S]*?-->|<[^>]+>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"Answer before (?:(?<date>\d\d/\d\d/\d{4}) )?(?<time>\d\d:\d\d)")]
    private static partial Regex AnswerBefore();
}

[CollectionDefinition(ServerZoneTests.Collection, DisableParallelization = true)]
public sealed class ServerZoneCollection;

[Collection(ServerZoneTests.Collection)]
public sealed class ServerZoneTestsOnSqlite(SqliteApp app) : ServerZoneTests(app), IClassFixture<SqliteApp>;

[Collection(ServerZoneTests.Collection)]
public sealed class ServerZoneTestsOnPostgres(PostgresApp app) : ServerZoneTests(app), IClassFixture<PostgresApp>;
