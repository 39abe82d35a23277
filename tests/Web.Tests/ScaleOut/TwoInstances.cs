using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Moment.Application.Data;
using Moment.TestSupport;

namespace Moment.Web.Tests.ScaleOut;

/// <summary>
/// Two instances of the real app, each on Kestrel on a loopback port of its own, on one PostgreSQL database and one Redis
/// server (a channel prefix of their own), and one clock the test moves, behind one <see cref="Proxy"/> whose forwarded
/// headers (and only its) they believe. The first starts alone, so that it alone migrates and fills the empty database
/// with the demo; the second starts on the prepared database, as a second machine would. The customer's side lets
/// <see cref="CustomerRequestsPerMinute"/> requests a minute through per client address, so that a test can see which
/// address an instance took a request for.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private TestDatabase? _database;
    private MomentApp? _one;
    private MomentApp? _two;
    private Proxy? _proxy;

    public const int CustomerRequestsPerMinute = 2;

    /// <summary>The address the proxy forwards from: the instances believe its X-Forwarded-For, nobody else's.</summary>
    public const string ProxyAddress = "127.0.0.1";

    /// <summary>Both instances' clock. It stands still unless a test moves it, so nothing happens "later" by itself.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public MomentApp One => _one ?? throw NotStarted();

    public MomentApp Two => _two ?? throw NotStarted();

    public async ValueTask InitializeAsync()
    {
        // Without a server to run on, nothing to start: each test skips (or fails in CI) in Require.
        if (PostgresServer.ConnectionString is null || RedisServer.Address is null)
            return;
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var redis = RedisServer.ConnectionStringForOneInstallation();
        _one = await StartAsync(redis);
        _two = await StartAsync(redis);
        _proxy = await Proxy.StartAsync([AddressOf(_one), AddressOf(_two)]);
    }

    public Proxy Proxy => _proxy ?? throw NotStarted();

    /// <summary>Call first in every test: skips it when PostgreSQL or Redis is not configured, except in CI.</summary>
    public void Require()
    {
        PostgresServer.RequireOrSkip();
        RedisServer.RequireOrSkip();
    }

    /// <summary>The address an instance's Kestrel listens on.</summary>
    public static Uri AddressOf(MomentApp instance) => ServerAddress.Of(instance.Services);

    /// <summary>A client of one instance that calls the API with a personal API token.</summary>
    public static HttpClient ApiClient(MomentApp instance, string token)
    {
        var client = new HttpClient { BaseAddress = AddressOf(instance) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A client whose connections come from <paramref name="localAddress"/> (any of 127.0.0.0/8), so that a test can be
    /// several clients on one machine; it keeps its cookies in <paramref name="cookies"/> and never follows a redirect.
    /// </summary>
    public static HttpClient ClientFrom(string localAddress, Uri baseAddress, CookieContainer? cookies = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies ?? new CookieContainer(),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        if (_proxy is not null)
            await _proxy.DisposeAsync();
        if (_two is not null)
            await _two.DisposeAsync();
        if (_one is not null)
            await _one.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    private async Task<MomentApp> StartAsync(string redis)
    {
        var instance = new MomentApp(DatabaseProvider.Postgres, fakeClock: false, clock: Time, sharedDatabase: _database);
        instance.Settings["ConnectionStrings:Redis"] = redis;
        instance.Settings["ForwardedHeaders:KnownProxies"] = ProxyAddress;
        instance.Settings["RateLimits:Customer:PermitLimit"] = CustomerRequestsPerMinute.ToString(CultureInfo.InvariantCulture);
        await instance.InitializeAsync();
        instance.UseKestrel(0);
        instance.StartServer();
        return instance;
    }

    private static InvalidOperationException NotStarted() => new("The two instances have not started (is PostgreSQL and Redis configured?).");
}
