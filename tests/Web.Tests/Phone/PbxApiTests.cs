using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Moment.Application.Data;
using Moment.TestSupport;
using Moment.Web.Features.Phone;
using Moment.Web.Realtime;
using Moment.Web.Tests.Feed;

namespace Moment.Web.Tests.Phone;

/// <summary>
/// The PBX's side over HTTP: events as Zammad's connectors post them (a form, the token in the query) and as JSON (a
/// bearer token); the call reaches the live connection of the person at the extension at once, pushed, not polled; a
/// wrong token changes nothing; the route; and logging the call through the staff API.
/// </summary>
public abstract class PbxApiTests(MomentApp app) : IAsyncLifetime
{
    private const string Erik = "erik.sjo@moment.test";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task AFormEvent_AsZammadsConnectorsPostIt_ReachesTheDeskAtTheExtensionLive_AndIsLoggedOnACase()
    {
        var erikHears = new LiveListener();
        await using var erikLive = await ConnectAsync(Erik, erikHears);
        using var erik = await app.ClientForAsync(Erik);
        var from = $"08-{Random.Shared.Next(100_000, 999_999)}";
        await RegisterCustomerAsync(erik, "Frida Formulär", from);
        var number = await erik.NewCaseAsync("No dial tone", customer: "Frida Formulär");

        using var pbx = app.CreateClient();
        using (var posted = await pbx.PostAsync($"/api/phone/pbx/events?token={PbxApp.Token}", new FormUrlEncodedContent(
        [
            new("event", "newCall"), new("callId", "form-1"), new("from", from), new("to", "+46855500000"), new("direction", "in"),
            new("user[]", "202"), new("user[]", "203"),
        ]), Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
        }

        await erikHears.HeardAsync(PbxApi.CallNews, "");
        var call = (await erik.GetFromJsonAsync<JsonElement>("/api/me/calls", Ct)).EnumerateArray()
            .Single(c => c.GetProperty("callers").EnumerateArray().Any(caller => caller.GetProperty("name").GetString() == "Frida Formulär"));
        Assert.Equal("ringing", call.GetProperty("state").GetString());
        Assert.Equal(number, call.GetProperty("callers")[0].GetProperty("openCases")[0].GetProperty("number").GetString());

        using (var logged = await erik.PostAsJsonAsync($"/api/phone/calls/{call.GetProperty("id").GetGuid()}/log", new { caseNumber = number.ToLowerInvariant(), summary = "No dial tone since Monday" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, logged.StatusCode);
            Assert.Equal(number, (await logged.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("caseNumber").GetString());
        }

        var timeline = await erik.GetFromJsonAsync<JsonElement>($"/api/cases/{number}", Ct);
        Assert.Contains("No dial tone since Monday", timeline.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain((await erik.GetFromJsonAsync<JsonElement>("/api/me/calls", Ct)).EnumerateArray(), c => c.GetProperty("id").GetGuid() == call.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task AJsonEvent_WithABearerToken_IsTaken_AndJsonOfAnotherShapeIsRefusedPlainly()
    {
        using var pbx = Pbx(PbxApp.Token);

        using (var taken = await pbx.PostAsJsonAsync("/api/phone/pbx/events", new { @event = "newCall", callId = "json-1", from = "0701234567", to = "202" }, Ct))
            Assert.Equal(HttpStatusCode.NoContent, taken.StatusCode);
        using var refused = await pbx.PostAsync("/api/phone/pbx/events", new StringContent("[1, 2, 3]", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Send the call event as JSON or as a form.", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongOrMissingToken_Is401_AndMakesNoCall()
    {
        using var forger = Pbx("not-the-token");
        using var anonymous = app.CreateClient();

        using var wrong = await forger.PostAsJsonAsync("/api/phone/pbx/events", new { @event = "newCall", callId = "forged-1", from = "0707654321", to = "202" }, Ct);
        using var missing = await anonymous.GetAsync("/api/phone/pbx/route?from=0701234567", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        using var erik = await app.ClientForAsync(Erik);
        Assert.DoesNotContain((await erik.GetFromJsonAsync<JsonElement>("/api/me/calls", Ct)).EnumerateArray(), c => c.GetProperty("number").GetString() == "070-765 43 21");
    }

    [Fact]
    public async Task Route_SendsACallerWithAnOpenCaseToTheOwnersExtension_AndAStrangerToTheQueue()
    {
        using var erik = await app.ClientForAsync(Erik);
        var from = $"031-{Random.Shared.Next(100_000, 999_999)}";
        await RegisterCustomerAsync(erik, "Rut Rutt", from);
        var number = await erik.NewCaseAsync("Router returned", customer: "Rut Rutt");
        using var pbx = Pbx(PbxApp.Token);

        var known = await pbx.GetFromJsonAsync<JsonElement>($"/api/phone/pbx/route?from={Uri.EscapeDataString(from)}", Ct);
        var stranger = await pbx.GetFromJsonAsync<JsonElement>("/api/phone/pbx/route?from=%2B4631999999", Ct);

        Assert.Equal(("extension", "202", number), (known.GetProperty("action").GetString(), known.GetProperty("extension").GetString(), known.GetProperty("caseNumber").GetString()));
        Assert.Equal("queue", stranger.GetProperty("action").GetString());
    }

    private HttpClient Pbx(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task RegisterCustomerAsync(HttpClient staff, string name, string phone)
    {
        using var created = await staff.PostAsJsonAsync("/api/customers", new { name, phoneNumbers = new[] { phone } }, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
    }

    private async Task<HubConnection> ConnectAsync(string email, LiveListener listener)
    {
        var token = await app.CreateTokenAsync(email);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, LiveHub.Path.TrimStart('/')), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await listener.ListenOnAsync(connection);
        return connection;
    }
}

/// <summary>An app with the PBX side switched on.</summary>
public abstract class PbxApp(DatabaseProvider provider) : MomentApp(provider)
{
    public const string Token = "test-pbx-token";

    public override ValueTask InitializeAsync()
    {
        Settings[PbxApi.TokenSetting] = Token;
        return base.InitializeAsync();
    }
}

public sealed class SqlitePbxApp() : PbxApp(DatabaseProvider.Sqlite);

public sealed class PostgresPbxApp() : PbxApp(DatabaseProvider.Postgres);

public sealed class PbxApiTestsOnSqlite(SqlitePbxApp app) : PbxApiTests(app), IClassFixture<SqlitePbxApp>;

public sealed class PbxApiTestsOnPostgres(PostgresPbxApp app) : PbxApiTests(app), IClassFixture<PostgresPbxApp>;
