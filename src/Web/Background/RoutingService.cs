using Moment.Application.Queues;

namespace Moment.Web.Background;

/// <summary>
/// Runs the queue's routing rounds (<see cref="RouteContacts"/>): at once when the line or the agents change on this
/// instance (<see cref="QueueSignal"/>), else every <c>Queues:RoutePollMilliseconds</c> (1 s), which is also what lets
/// offers lapse on time and finds changes made on other instances. The line is in the database and no timer holds
/// state, so a restart loses nobody's place.
/// </summary>
internal sealed class RoutingService(
    IServiceScopeFactory scopes, QueueSignal signal, IConfiguration configuration, TimeProvider time, ILogger<RoutingService> logger) : BackgroundService
{
    private readonly TimeSpan _poll = TimeSpan.FromMilliseconds(configuration.GetValue("Queues:RoutePollMilliseconds", 1000));

    /// <summary>Off (<c>Queues:RouteInBackground</c> false) for an instance that only serves pages, and for tests that route by hand.</summary>
    private readonly bool _on = configuration.GetValue("Queues:RouteInBackground", true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_on)
            return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var poked = signal.NextAsync();
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var round = await scope.ServiceProvider.GetRequiredService<RouteContacts>().HandleAsync(stoppingToken);
                    if (round.Offered + round.Lapsed > 0)
                        logger.LogInformation("Routing: {Offered} offered, {Lapsed} lapsed", round.Offered, round.Lapsed);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // Another instance's offer won a race, or the database is away: the next round starts from the database again.
                    logger.LogWarning(error, "Routing round failed; trying again");
                }

                await Task.WhenAny(poked, Task.Delay(_poll, time, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the line is in the database.
        }
    }
}
