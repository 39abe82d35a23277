using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Moment.Application.Caching;
using Moment.Application.Data;
using StackExchange.Redis;

namespace Moment.Web.ScaleOut;

/// <summary>
/// What several instances of Moment behind one proxy need to be one system. Always: the data protection keys (which sign
/// the sign-in cookie and the antiforgery tokens) are kept in the database, under one application name, so that what one
/// instance made another accepts; and telemetry (<see cref="Telemetry"/>). Switched on by configuration:
/// <list type="bullet">
/// <item><c>ConnectionStrings:Redis</c>: the SignalR backplane (live news sent by one instance reaches a browser connected
/// to any other) and the channel on which an instance tells the others what became stale in their caches
/// (<see cref="ForgetEverywhere"/>). Without it, one instance works alone as before and needs nothing.</item>
/// <item><c>ForwardedHeaders:KnownProxies</c>: the addresses of the proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed (the client's address for the rate limits, https for the cookie). Anyone else's
/// are ignored, so a client cannot choose its own address.</item>
/// </list>
/// </summary>
internal static class ScaleOut
{
    public const string RedisConnection = "Redis";
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";

    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        // The name, not the content root (the default), isolates the key ring: two machines install Moment in different folders.
        services.AddDataProtection().SetApplicationName("Moment").PersistKeysToDbContext<AppDbContext>();
        services.AddMomentTelemetry(configuration);

        var proxies = KnownProxies(configuration);
        if (proxies.Count > 0)
        {
            services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                // The defaults trust loopback: behind a proxy on the same machine that would trust every local process too.
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
                foreach (var proxy in proxies)
                    options.KnownProxies.Add(proxy);
            });
        }

        if (configuration.GetConnectionString(RedisConnection) is not { Length: > 0 } redis)
            return services;
        var options = ConfigurationOptions.Parse(redis);
        // Start and keep serving while Redis is away: /health/ready says so, and the client reconnects by itself.
        options.AbortOnConnectFail = false;
        options.ClientName ??= $"moment-{Environment.MachineName}";
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSignalR().AddStackExchangeRedis();
        // One connection for the backplane and the stale cache news.
        services.AddOptions<RedisOptions>().Configure<IConnectionMultiplexer>((signalR, connection) =>
            signalR.ConnectionFactory = _ => Task.FromResult(connection));
        services.AddSingleton<IOtherInstances, RedisInstances>();
        services.AddSingleton<StaleNewsHeard>();
        services.AddHostedService<StaleNewsListener>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }

    /// <summary>First in the pipeline: everything after it (HSTS, the rate limits, the cookie's Secure flag) sees the client's address and scheme.</summary>
    public static IApplicationBuilder UseScaleOut(this IApplicationBuilder app)
    {
        if (KnownProxies(app.ApplicationServices.GetRequiredService<IConfiguration>()).Count > 0)
            app.UseForwardedHeaders();
        return app.UseMomentTelemetry();
    }

    private static List<IPAddress> KnownProxies(IConfiguration configuration) =>
        [.. (configuration[KnownProxiesKey] ?? "")
            .Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(value => IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"{KnownProxiesKey} must list IP addresses separated by ';'; '{value}' is not one."))];
}
