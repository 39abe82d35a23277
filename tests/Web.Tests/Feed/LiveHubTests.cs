using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Moment.Application.Data;
using Moment.TestSupport;
using Moment.Web.Realtime;

namespace Moment.Web.Tests.Feed;

/// <summary>
/// Live news reaches people through their own connection to the hub: the offerer hears "accepted" when the receiver
/// accepts, and the receiver, who did it, does not. On a real clock, so that the feed also polls as it does in production.
/// </summary>
public abstract class LiveHubTests(MomentApp app) : IAsyncLifetime
{
    private const string Karin = "karin.nord@moment.test";
    private const string Sara = "sara.holm@moment.test";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Accepted_TheOffererHearsItOnTheirConnection_TheAcceptorDoesNot()
    {
        var karinHears = new LiveListener();
        var saraHears = new LiveListener();
        await using var karinLive = await ConnectAsync(Karin, karinHears);
        await using var saraLive = await ConnectAsync(Sara, saraHears);
        using var karin = await app.ClientForAsync(Karin);
        using var sara = await app.ClientForAsync(Sara);

        var number = await karin.NewCaseAsync("Invoice charged twice", door: "onboard");
        using var offered = await karin.PostAsJsonAsync($"/api/cases/{number}/handoffs", new { toUserEmail = Sara, summary = "Refund it", reason = "Billing" }, Ct);
        Assert.Equal(HttpStatusCode.Created, offered.StatusCode);
        var handOffId = (await offered.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("handOffId").GetGuid();
        await saraHears.HeardAsync("HandOffOffered", number);
        using var accepted = await sara.PostAsync($"/api/handoffs/{handOffId}/accept", null, Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        await karinHears.HeardAsync("HandOffAccepted", number);
        Assert.DoesNotContain(saraHears.News, news => news.Kind == "HandOffAccepted");
        Assert.DoesNotContain(karinHears.News, news => news.Kind == "HandOffOffered");
    }

    [Fact]
    public async Task WithoutSigningIn_TheHubRefusesTheConnection()
    {
        await using var connection = Build(token: null);

        await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync(Ct));
    }

    private async Task<HubConnection> ConnectAsync(string email, LiveListener listener)
    {
        var connection = Build(await app.CreateTokenAsync(email));
        await listener.ListenOnAsync(connection);
        return connection;
    }

    /// <summary>Long polling: the test server speaks plain HTTP through its handler (a token sent as a bearer header).</summary>
    private HubConnection Build(string? token) => new HubConnectionBuilder()
        .WithUrl(new Uri(app.Server.BaseAddress, LiveHub.Path.TrimStart('/')), options =>
        {
            options.Transports = HttpTransportType.LongPolling;
            options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
            options.AccessTokenProvider = () => Task.FromResult(token);
        })
        .Build();
}

/// <summary>The app on the system clock: the feed's poll is a real interval here.</summary>
public sealed class LiveSqliteApp() : MomentApp(DatabaseProvider.Sqlite, fakeClock: false);

/// <summary>The app on the system clock: the feed's poll is a real interval here.</summary>
public sealed class LivePostgresApp() : MomentApp(DatabaseProvider.Postgres, fakeClock: false);

public sealed class LiveHubTestsOnSqlite(LiveSqliteApp app) : LiveHubTests(app), IClassFixture<LiveSqliteApp>;

public sealed class LiveHubTestsOnPostgres(LivePostgresApp app) : LiveHubTests(app), IClassFixture<LivePostgresApp>;
