using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.ApiTokens;
using Moment.Application.Data;
using Moment.Application.Demo;
using Moment.Domain.Cases;
using Moment.Web.Background;
using Moment.TestSupport;
using Moment.Web.Realtime;
using Moment.Web.ScaleOut;
using Moment.Web.Tests.Feed;

namespace Moment.Web.Tests.ScaleOut;

/// <summary>
/// Two instances on one database and one Redis are one system: what one revokes the other refuses at once (not after the
/// cache's 30 s: the clock stands still here, so without the news the other would accept the token for ever), and live news
/// sent by one reaches a browser connected to the other, and a sign-in cookie or a form one made works on the other (the
/// data protection keys are in the database). PostgreSQL only: SQLite is the one-machine database.
/// </summary>
public sealed partial class SeveralInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>, IAsyncLifetime
{
    private const string Karin = "karin.nord@moment.test";
    private const string Sara = "sara.holm@moment.test";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        instances.Require();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task TokenRevokedOnOne_IsRefusedByTheOtherAtOnce()
    {
        var token = await CreateTokenAsync(Sara);
        using var onOne = TwoInstances.ApiClient(instances.One, token.Secret);
        using var onTwo = TwoInstances.ApiClient(instances.Two, token.Secret);
        using (var accepted = await onTwo.GetAsync("/api/me", Ct))
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var heard = instances.Two.Services.GetRequiredService<StaleNewsHeard>().NextAsync();
        using (var revoked = await onOne.DeleteAsync($"/api/me/tokens/{token.Id}", Ct))
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await heard.WaitAsync(Patience, Ct);

        using var refused = await onTwo.GetAsync("/api/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task SomeoneOnACaseThroughOne_IsSeenBySomeoneOnItThroughTheOther_AndSoIsTheirLeaving()
    {
        const string number = "M-2026-999001";
        var karinHears = new System.Collections.Concurrent.ConcurrentQueue<object>();
        var saraHears = new System.Collections.Concurrent.ConcurrentQueue<object>();
        var heard = new SemaphoreSlim(0);
        await using var karin = await ConnectAsync(instances.One, Karin, new LiveListener());
        await using var sara = await ConnectAsync(instances.Two, Sara, new LiveListener());
        karin.On<OnTheCase>(LiveHub.PresenceMethod, someone => { karinHears.Enqueue(someone); heard.Release(); });
        sara.On<OnTheCase>(LiveHub.PresenceMethod, someone => { saraHears.Enqueue(someone); heard.Release(); });
        sara.On<OffTheCase>(LiveHub.GoneMethod, gone => { saraHears.Enqueue(gone); heard.Release(); });

        await sara.InvokeAsync(nameof(LiveHub.Here), number, false, false, Ct);
        await karin.InvokeAsync(nameof(LiveHub.Here), number.ToLowerInvariant(), false, false, Ct);
        await WaitForAsync(() => saraHears.OfType<OnTheCase>().Any(), heard);
        var karinOnTheCase = Assert.Single(saraHears.OfType<OnTheCase>());
        Assert.Equal((number, "Karin Nord", false, false), (karinOnTheCase.Number, karinOnTheCase.Name, karinOnTheCase.Writing, karinOnTheCase.Answer));
        // Sara's page answers, as live.js does; her answer is not answered again.
        await sara.InvokeAsync(nameof(LiveHub.Here), number, true, true, Ct);
        await WaitForAsync(() => karinHears.OfType<OnTheCase>().Any(), heard);
        Assert.Equal(("Sara Holm", true, true), karinHears.OfType<OnTheCase>().Select(s => (s.Name, s.Writing, s.Answer)).Single());

        await karin.InvokeAsync(nameof(LiveHub.Away), Ct);
        await WaitForAsync(() => saraHears.OfType<OffTheCase>().Any(), heard);
        Assert.Equal((number, karinOnTheCase.Page), saraHears.OfType<OffTheCase>().Select(g => (g.Number, g.Page)).Single());
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => karin.InvokeAsync(nameof(LiveHub.Here), "", false, false, Ct));
    }

    private static async Task WaitForAsync(Func<bool> condition, SemaphoreSlim heard)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(Patience);
        while (!condition())
            await heard.WaitAsync(patience.Token);
    }

    [Fact]
    public async Task LiveNewsSentByOne_ReachesAConnectionToTheOther()
    {
        var saraHears = new LiveListener();
        await using var saraOnTwo = await ConnectAsync(instances.Two, Sara, saraHears);
        using var karinOnOne = TwoInstances.ApiClient(instances.One, (await CreateTokenAsync(Karin)).Secret);

        var number = await karinOnOne.NewCaseAsync("Invoice charged twice", door: "onboard");
        using var offered = await karinOnOne.PostAsJsonAsync($"/api/cases/{number}/handoffs", new { toUserEmail = Sara, summary = "Refund it", reason = "Billing" }, Ct);
        Assert.Equal(HttpStatusCode.Created, offered.StatusCode);

        await saraHears.HeardAsync("HandOffOffered", number);
    }

    [Fact]
    public async Task SignedInOnOne_TheCookieAndTheFormsOfOneWorkOnTheOther()
    {
        var cookies = new CookieContainer();
        using var one = BrowserClient(instances.One, cookies);
        using var two = BrowserClient(instances.Two, cookies);

        // The sign-in form as one rendered it (its antiforgery token and cookie), posted to the other.
        var form = await one.GetStringAsync("/account/login", Ct);
        var antiforgery = WebUtility.HtmlDecode(AntiforgeryField().Match(form).Groups[1].Value);
        using (var signedIn = await two.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
            ["_handler"] = "login",
            ["Input.Email"] = Sara,
            ["Input.Password"] = DemoAccounts.Password,
        }), Ct))
        {
            Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
            Assert.DoesNotContain("/account/login", signedIn.Headers.Location?.OriginalString ?? "/account/login", StringComparison.Ordinal);
        }

        // The sign-in cookie the other made opens the desk on the first.
        using var desk = await one.GetAsync("/desk", Ct);
        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
        await using var scope = instances.One.Services.CreateAsyncScope();
        Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.ToListAsync(Ct));
    }

    [Fact]
    public async Task BehindTheProxy_ABrowserStaysWithItsInstance_NewcomersGoToEither()
    {
        using var browser = TwoInstances.ClientFrom("127.0.0.1", instances.Proxy.Address);
        var servedBrowser = new HashSet<string>();
        var servedNewcomers = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            servedBrowser.Add(await ServedByAsync(browser));
            using var newcomer = TwoInstances.ClientFrom("127.0.0.1", instances.Proxy.Address);
            servedNewcomers.Add(await ServedByAsync(newcomer));
        }

        Assert.Single(servedBrowser);
        Assert.Equal(["instance-1", "instance-2"], servedNewcomers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BehindTheProxy_AClientIsItsOwnAddress_AndNobodyButTheProxyMaySayOtherwise()
    {
        // Two clients on two addresses, both sent to the same instance by the same affinity cookie.
        var cookies = new CookieContainer();
        using var first = TwoInstances.ClientFrom("127.0.0.2", instances.Proxy.Address, cookies);
        using var second = TwoInstances.ClientFrom("127.0.0.3", instances.Proxy.Address, cookies);
        for (var i = 0; i < TwoInstances.CustomerRequestsPerMinute; i++)
            Assert.Equal(HttpStatusCode.OK, await CustomerSideAsync(first));
        Assert.Equal(HttpStatusCode.TooManyRequests, await CustomerSideAsync(first));
        Assert.Equal(HttpStatusCode.OK, await CustomerSideAsync(second));

        // Straight to an instance, a client that claims another address each time is still the address it comes from.
        using var forger = TwoInstances.ClientFrom("127.0.0.5", TwoInstances.AddressOf(instances.One));
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= TwoInstances.CustomerRequestsPerMinute; i++)
            answers.Add(await CustomerSideAsync(forger, claimedAddress: $"198.51.100.{i + 1}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
    }

    [Fact]
    public async Task DeadlineRound_BothInstancesRunning_BreaksEachPromiseOnce()
    {
        const int count = 6;
        var promises = new List<Guid>();
        for (var i = 0; i < count; i++)
            promises.Add(await Promises.CallBackAsync(instances.One.Services, "erik.sjo@moment.test", TimeSpan.FromSeconds(20), Ct));

        var rounds = new[] { instances.One, instances.Two }.Select(i => i.Services.GetRequiredService<DeadlineRounds>().NextAsync()).ToList();
        // One interval exactly: one round on each instance, at the same moment.
        instances.Time.Advance(CaseDeadlineService.Interval);
        var finished = await Task.WhenAll(rounds).WaitAsync(Patience, Ct);

        Assert.All(finished, round => Assert.Null(round.Failure));
        Assert.Equal(count, finished.Sum(round => round.Changed));
        await using var scope = instances.One.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(count, await db.Commitments.CountAsync(c => promises.Contains(c.Id) && c.State == CommitmentState.Broken, Ct));
        Assert.Equal(count, await db.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.CommitmentBroken && promises.Contains(e.CommitmentId!.Value), Ct));
    }

    private static async Task<string> ServedByAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/account/login", Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, response + await response.Content.ReadAsStringAsync(Ct));
        return response.Headers.GetValues(Proxy.ServedBy).Single();
    }

    private static async Task<HttpStatusCode> CustomerSideAsync(HttpClient client, string? claimedAddress = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/public/knowledge");
        if (claimedAddress is not null)
            request.Headers.Add("X-Forwarded-For", claimedAddress);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static HttpClient BrowserClient(MomentApp instance, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = TwoInstances.AddressOf(instance) };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private async Task<CreatedApiToken> CreateTokenAsync(string email)
    {
        await using var scope = instances.One.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CreateApiToken>().HandleAsync(new CreateApiTokenRequest(email, "scale-out test", null), Ct);
    }

    private async Task<HubConnection> ConnectAsync(MomentApp instance, string email, LiveListener listener)
    {
        var token = (await CreateTokenAsync(email)).Secret;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(TwoInstances.AddressOf(instance), LiveHub.Path.TrimStart('/')), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await listener.ListenOnAsync(connection);
        return connection;
    }
}
