using Moment.Application.Feed;

namespace Moment.Web.Background;

/// <summary>
/// Runs every feed subscriber (<see cref="IFeedSubscriber"/>), each in a loop of its own, so that one that fails never
/// holds the others back. A loop handles batches while there are any, then waits for a local commit
/// (<see cref="FeedSignal"/>) or the poll interval (<c>Feed:PollMilliseconds</c>, for changes made by other instances).
/// A failing subscriber is tried again after a pause that doubles with each failure in a row, up to a minute; its
/// checkpoint says how often and why. The checkpoints are in the database, so a restart goes on where it stopped.
/// </summary>
internal sealed class FeedService(
    IServiceScopeFactory scopes, IEnumerable<IFeedSubscriber> subscribers, FeedSignal signal, IConfiguration configuration,
    TimeProvider time, ILogger<FeedService> logger) : BackgroundService
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How soon a round that found news held back by a transaction still running (<see cref="FeedRound.HeldBack"/>) looks
    /// again, doubling while it stays held back, up to the poll interval. On the wall clock, not the app's: it waits for
    /// other transactions on the database server, which end in real time whatever clock the app reads (in the tests that
    /// clock stands still, and the news would wait for a poll that never comes). Doubling, because under steady load some
    /// transaction is nearly always open: a round every 50 ms then cost more of the database than the work it waited for.
    /// </summary>
    private static readonly TimeSpan HeldBackPause = TimeSpan.FromMilliseconds(50);

    private readonly TimeSpan _poll = TimeSpan.FromMilliseconds(configuration.GetValue("Feed:PollMilliseconds", 500));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(subscribers.Select(subscriber => Task.Run(() => RunAsync(subscriber, stoppingToken), stoppingToken)));

    private async Task RunAsync(IFeedSubscriber subscriber, CancellationToken stoppingToken)
    {
        try
        {
            var heldBack = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                var poked = signal.NextAsync();
                var round = await RoundAsync(subscriber, stoppingToken);
                heldBack = round.HeldBack ? heldBack + 1 : 0;
                // After a failure, on the wall clock too: what failed (the database, Redis) comes back in real time, and on a
                // clock that stands still (the tests') one failure would stop this subscriber for good.
                if (round.Failures > 0)
                    await Task.Delay(PauseAfter(round.Failures), TimeProvider.System, stoppingToken);
                else if (round.HeldBack)
                    await Task.WhenAny(poked, Task.Delay(HeldBackPauseAfter(heldBack), TimeProvider.System, stoppingToken));
                else if (round.Handled == 0)
                    await Task.WhenAny(poked, Task.Delay(_poll, time, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the checkpoint keeps the place.
        }
    }

    private async Task<FeedRound> RoundAsync(IFeedSubscriber subscriber, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var round = await scope.ServiceProvider.GetRequiredService<RunFeedRound>().HandleAsync(subscriber, stoppingToken);
            if (round.Failures > 0)
                logger.LogWarning("Feed subscriber {Subscriber} failed {Failures} times in a row; trying again", subscriber.Name, round.Failures);
            return round;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The round itself failed (the database is away): pause as after a failure of the subscriber.
            logger.LogError(error, "Feed round of {Subscriber} failed", subscriber.Name);
            return new FeedRound(0, 1);
        }
    }

    private TimeSpan HeldBackPauseAfter(int rounds) =>
        TimeSpan.FromTicks(Math.Min(_poll.Ticks, HeldBackPause.Ticks << Math.Min(rounds - 1, 16)));

    private TimeSpan PauseAfter(int failures) =>
        TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, _poll.Ticks << Math.Min(failures, 16)));
}
