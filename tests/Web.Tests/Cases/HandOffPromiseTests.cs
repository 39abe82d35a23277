using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moment.TestSupport;

namespace Moment.Web.Tests.Cases;

/// <summary>
/// Story: Omar promised "I'll call you back tomorrow before 15:00" and handed the case to Sara. The offer shows her the
/// promise; once she accepts, she keeps it (and may keep or withdraw it), and the customer's page names her. A promise
/// Omar says he keeps stays his. On every provider.
/// </summary>
public abstract class HandOffPromiseTests(MomentApp app) : IAsyncLifetime
{
    private const string Omar = "omar.said@moment.test";          // Frontline, Shops
    private const string Sara = "sara.holm@moment.test";          // Agent, Phone

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task HandOffAccepted_TheOfferersOpenPromisesGoToTheReceiverExceptTheOneTheOffererKeeps()
    {
        using var omar = await app.ClientForAsync(Omar);
        using var sara = await app.ClientForAsync(Sara);
        var number = await omar.NewCaseAsync("Landline dead", "shop");
        var callBack = await PromiseAsync(omar, number, new { kind = "callBack", what = "I'll call you back tomorrow before 15:00", nextBusinessDayAt = "15:00" });
        var letter = await PromiseAsync(omar, number, new { kind = "sendSomething", what = "A loan phone by post", withinBusinessDays = 2 });

        using var offered = await omar.PostAsJsonAsync($"/api/cases/{number}/handoffs",
            new { toUserEmail = Sara, summary = "Landline dead; call her son", reason = "Phone books technicians", keepPromises = new[] { letter } }, Ct);
        Assert.Equal(HttpStatusCode.Created, offered.StatusCode);
        var offer = (await offered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("handOffId").GetGuid();

        var seen = (await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct)).GetProperty("pendingHandOff").GetProperty("promises").EnumerateArray().ToList();
        Assert.Equal(2, seen.Count);
        Assert.False(seen.Single(p => p.GetProperty("id").GetGuid() == callBack).GetProperty("offererKeepsIt").GetBoolean());
        Assert.True(seen.Single(p => p.GetProperty("id").GetGuid() == letter).GetProperty("offererKeepsIt").GetBoolean());

        using (var accepted = await sara.PostAsync($"/api/handoffs/{offer}/accept", null, Ct))
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var promises = (await sara.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct)).GetProperty("promises").EnumerateArray().ToList();
        Assert.Equal("Sara Holm", promises.Single(p => p.GetProperty("id").GetGuid() == callBack).GetProperty("keeper").GetProperty("name").GetString());
        Assert.Equal("Omar Said", promises.Single(p => p.GetProperty("id").GetGuid() == letter).GetProperty("keeper").GetProperty("name").GetString());
        using var customer = app.CreateClient();
        var page = await customer.GetFromJsonAsync<JsonElement>($"/api/public/cases/{await sara.CustomerTokenAsync(number)}", Ct);
        Assert.Equal("Sara", page.GetProperty("ownerFirstName").GetString());
        Assert.Equal("Sara", page.GetProperty("promises").EnumerateArray()
            .Single(p => p.GetProperty("what").GetString() == "I'll call you back tomorrow before 15:00").GetProperty("keeperName").GetString());
        using var kept = await sara.PostAsJsonAsync($"/api/commitments/{callBack}/keep", new { how = "Called her son" }, Ct);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    [Fact]
    public async Task OfferHandOff_KeepingAPromiseThatIsNotTheOfferers_Returns400AndOffersNothing()
    {
        using var omar = await app.ClientForAsync(Omar);
        var number = await omar.NewCaseAsync("Landline dead", "shop");

        using var response = await omar.PostAsJsonAsync($"/api/cases/{number}/handoffs",
            new { toUserEmail = Sara, summary = "s", reason = "r", keepPromises = new[] { Guid.NewGuid() } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("KeepPromises", out _));
        var @case = await omar.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Equal(JsonValueKind.Null, @case.GetProperty("pendingHandOff").ValueKind);
    }

    private static async Task<Guid> PromiseAsync(HttpClient client, string number, object promise)
    {
        using var response = await client.PostAsJsonAsync($"/api/cases/{number}/commitments", promise, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }
}

public sealed class HandOffPromiseTestsOnSqlite(SqliteApp app) : HandOffPromiseTests(app), IClassFixture<SqliteApp>;

public sealed class HandOffPromiseTestsOnPostgres(PostgresApp app) : HandOffPromiseTests(app), IClassFixture<PostgresApp>;
