using Moment.Application.Absences;
using Moment.Application.Cases;

namespace Moment.Web.Background;

/// <summary>
/// Lets time act, every half minute of <see cref="TimeProvider"/> time: absences start (work moves to the stand-in) and
/// end, unanswered offers lapse (and may escalate), silent proposed resolutions become "resolved by silence", and
/// promises past their deadline break. The truth is in the
/// database and no timer holds state, so a restart loses nothing; each instance claims the cases it works on
/// (see <see cref="CaseDeadlines"/>), so several instances never act on the same deadline twice.
/// </summary>
internal sealed class CaseDeadlineService(IServiceScopeFactory scopes, DeadlineRounds rounds, TimeProvider time, ILogger<CaseDeadlineService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var changed = 0;
            Exception? failure = null;
            try
            {
                // Absences first: work that has moved to a stand-in is then due with its new keeper. Each step claims what it
                // works on, and each in a scope of its own, as one request would.
                await using (var scope = scopes.CreateAsyncScope())
                    await scope.ServiceProvider.GetRequiredService<EndDueAbsences>().HandleAsync(stoppingToken);
                await using (var scope = scopes.CreateAsyncScope())
                    changed += (await scope.ServiceProvider.GetRequiredService<StartDueAbsences>().HandleAsync(stoppingToken)).CasesCovered;
                await using (var scope = scopes.CreateAsyncScope())
                    changed += await scope.ServiceProvider.GetRequiredService<CaseDeadlines>().HandleAsync(stoppingToken);
                if (changed > 0)
                    logger.LogInformation("Deadlines: {Changed} cases changed", changed);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                failure = error;
                logger.LogError(error, "Deadlines failed; trying again in {Interval}", Interval);
            }

            rounds.Finished(time.GetUtcNow(), changed, failure);
        }
    }
}

/// <summary>
/// The rounds of <see cref="CaseDeadlineService"/> as they finish: when the last one ran and what it did. Something to
/// wait on instead of sleeping (a test moves the clock and waits for the round), and to look at when deadlines seem stuck.
/// </summary>
internal sealed class DeadlineRounds
{
    private TaskCompletionSource<DeadlineRound> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DeadlineRound? Last { get; private set; }

    /// <summary>Completes when the next round finishes. Take it before moving the clock.</summary>
    public Task<DeadlineRound> NextAsync() => Volatile.Read(ref _next).Task;

    public void Finished(DateTimeOffset at, int changed, Exception? failure)
    {
        var round = new DeadlineRound(at, changed, failure);
        Last = round;
        Interlocked.Exchange(ref _next, new TaskCompletionSource<DeadlineRound>(TaskCreationOptions.RunContinuationsAsynchronously)).SetResult(round);
    }
}

internal sealed record DeadlineRound(DateTimeOffset At, int Changed, Exception? Failure);
