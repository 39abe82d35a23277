using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Moment.Web.Realtime;

namespace Moment.Web.Tests.Feed;

/// <summary>What one live connection (<see cref="LiveHub"/>) has heard, and a wait for a piece of news that arrives by push, not by a timer.</summary>
public sealed class LiveListener
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<LiveNews> _news = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<LiveNews> News => [.. _news];

    /// <summary>
    /// Starts <paramref name="connection"/> with this listener on it, and returns once news for its person reaches it.
    /// <c>StartAsync</c> returns at the handshake, before the hub's <c>OnConnectedAsync</c> has put the connection in its
    /// person's group (with Redis: subscribed to the group's channel); the hub answers an invocation only after that, so
    /// one round trip (<see cref="LiveHub.Away"/>, which changes nothing on a page that shows no case) makes sure of it.
    /// </summary>
    public async Task ListenOnAsync(HubConnection connection)
    {
        connection.On<LiveNews>(LiveHub.NewsMethod, Hear);
        await connection.StartAsync(TestContext.Current.CancellationToken);
        await connection.InvokeAsync(nameof(LiveHub.Away), TestContext.Current.CancellationToken);
    }

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
