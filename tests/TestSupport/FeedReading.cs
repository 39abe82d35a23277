using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moment.Application.Data;
using Moment.Application.Feed;

namespace Moment.TestSupport;

/// <summary>Reading the feed in tests, where other test classes keep transactions running on the same PostgreSQL server.</summary>
public static class FeedReading
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The whole feed from its start, once it hands out every event committed before the call. On PostgreSQL an event waits
    /// until every transaction older than its own has ended, anywhere on the server (other tests' too), so this polls,
    /// with a deadline.
    /// </summary>
    public static async Task<IReadOnlyList<FeedEvent>> AllAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var committed = await scope.ServiceProvider.GetRequiredService<AppDbContext>().CaseEvents.Select(e => e.Id).ToListAsync(cancellationToken);
        var feed = scope.ServiceProvider.GetRequiredService<CaseEventFeed>();
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        while (true)
        {
            var all = await feed.AfterAsync(FeedPosition.Start, int.MaxValue, patience.Token);
            var handedOut = all.Select(e => e.Id).ToHashSet();
            if (committed.All(handedOut.Contains))
                return all;
            await Task.Delay(20, patience.Token);
        }
    }

    /// <summary>
    /// Once the subscriber named <paramref name="subscriber"/> has handled every event committed before the call. Tests that
    /// count a person's news wait for this first: on PostgreSQL a new subscriber starts before events held back by a
    /// transaction still running anywhere on the server (another test's, on another database), so the demo data's own
    /// news (an offer to Erik, say) can reach the lists seconds after the app has started.
    /// </summary>
    public static async Task HandledByAsync(IServiceProvider services, string subscriber, CancellationToken cancellationToken)
    {
        var all = await AllAsync(services, cancellationToken);
        if (all.Count == 0)
            return;
        var last = all.Max(e => (e.Position.Transaction, e.Position.EventId));
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        while (true)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var checkpoint = await scope.ServiceProvider.GetRequiredService<AppDbContext>().FeedCheckpoints.AsNoTracking()
                    .SingleOrDefaultAsync(c => c.Subscriber == subscriber, patience.Token);
                if (checkpoint is not null && (checkpoint.Transaction, checkpoint.EventId).CompareTo(last) >= 0)
                    return;
            }

            await Task.Delay(20, patience.Token);
        }
    }
}
