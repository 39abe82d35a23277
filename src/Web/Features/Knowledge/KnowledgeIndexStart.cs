using Moment.Application.Data;
using Moment.Application.Knowledge;

namespace Moment.Web.Features.Knowledge;

/// <summary>Builds the search index from the database before the server takes requests (after the database is prepared).</summary>
internal sealed class KnowledgeIndexStart(IServiceProvider services, KnowledgeIndex index) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await index.CatchUpAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
