using Microsoft.Extensions.Options;
using Moment.Application.Data;

namespace Moment.Web;

/// <summary>Brings the database up to date before the server takes requests (hosted services start before Kestrel).</summary>
internal sealed class DatabasePreparation(IServiceProvider services, IOptions<DemoMode> demo) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        DatabaseStartup.PrepareAsync(services, demo.Value.Enabled, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
