using Moment.Application.Cases;

namespace Moment.Web.Features.Cases;

/// <summary>
/// Lets time act on cases: every half minute, unanswered offers lapse (and may escalate) and silent proposed
/// resolutions become "resolved by silence". The truth is in the database, so a restart loses nothing; each change
/// is guarded by the case's version, so running twice does nothing twice. (Claiming work across several instances
/// with row locks comes with the commitments issue.)
/// </summary>
internal sealed class CaseDeadlineService(IServiceScopeFactory scopes, TimeProvider time, ILogger<CaseDeadlineService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var changed = await scope.ServiceProvider.GetRequiredService<CaseDeadlines>().HandleAsync(stoppingToken);
                if (changed > 0)
                    logger.LogInformation("Case deadlines: {Changed} cases changed", changed);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Case deadlines failed; trying again in {Interval}", Interval);
            }
        }
    }
}
