using System.Collections.Concurrent;
using Moment.Web.Realtime;

namespace Moment.Web.Tests.Feed;

/// <summary>What one live connection (<see cref="LiveHub"/>) has heard, and a wait for a piece of news that arrives by push, not by a timer.</summary>
public sealed class LiveListener
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<LiveNews> _news = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<LiveNews> News => [.. _news];

    public void Hear(LiveNews news)
    {
        _news.Enqueue(news);
        _arrived.Release();
    }

    public async Task HeardAsync(string kind, string number)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(Patience);
        while (!_news.Any(news => news.Kind == kind && news.Number == number))
            await _arrived.WaitAsync(patience.Token);
    }
}
