using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Moment.TestSupport;

/// <summary>Where a started Kestrel server listens, as a client on this machine reaches it (127.0.0.1, not [::] or localhost).</summary>
public static class ServerAddress
{
    public static Uri Of(IServiceProvider services)
    {
        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }
}
