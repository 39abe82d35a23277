using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Moment.TestSupport;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

namespace Moment.Web.Tests.ScaleOut;

/// <summary>
/// The reverse proxy in front of the instances: YARP in a host of its own on a loopback port. Round robin for a newcomer,
/// then sticky by a cookie (a Blazor circuit lives in the memory of the instance that opened it, so its browser must stay
/// there); <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> set from the connection, whatever the client sent. Each
/// answer says which instance gave it (<see cref="ServedBy"/>), for the tests.
/// </summary>
/// <remarks>
/// YARP rather than Debian's nginx or haproxy: a package the test restores like any other, started and stopped in the
/// test's own process on a free port, with no configuration file or process to manage; it does what the production proxy
/// must (stickiness by cookie, forwarded headers, WebSockets). docs/operations.md shows the same for haproxy.
/// </remarks>
public sealed class Proxy : IAsyncDisposable
{
    public const string ServedBy = "X-Served-By";
    public const string AffinityCookie = ".Moment.Instance";

    private readonly WebApplication _host;

    private Proxy(WebApplication host, Uri address)
    {
        _host = host;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<Proxy> StartAsync(IReadOnlyList<Uri> instances)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Moment's settings files sit beside the tests: the proxy takes every host name, whatever they say.
        builder.Configuration["AllowedHosts"] = "*";
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddReverseProxy()
            .LoadFromMemory(
                [new RouteConfig { RouteId = "moment", ClusterId = "instances", Match = new RouteMatch { Path = "{**any}" } }],
                [new ClusterConfig
                {
                    ClusterId = "instances",
                    LoadBalancingPolicy = "RoundRobin",
                    SessionAffinity = new SessionAffinityConfig
                    {
                        Enabled = true,
                        Policy = "Cookie",
                        AffinityKeyName = AffinityCookie,
                        Cookie = new SessionAffinityCookieConfig { HttpOnly = true, SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax },
                    },
                    Destinations = instances.Select((address, i) => (address, i))
                        .ToDictionary(d => $"instance-{d.i + 1}", d => new DestinationConfig { Address = d.address.ToString() }),
                }])
            .AddTransforms(transforms => transforms.AddResponseTransform(context =>
            {
                if (context.HttpContext.Features.Get<IReverseProxyFeature>()?.ProxiedDestination?.DestinationId is { } instance)
                    context.HttpContext.Response.Headers[ServedBy] = instance;
                return ValueTask.CompletedTask;
            }));
        var host = builder.Build();
        host.MapReverseProxy();
        await host.StartAsync();
        return new Proxy(host, ServerAddress.Of(host.Services));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}
