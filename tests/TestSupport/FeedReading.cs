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
}
