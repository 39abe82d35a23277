using Moment.Application;
using Moment.Application.Caching;
using StackExchange.Redis;

namespace Moment.Web.ScaleOut;

/// <summary>
/// The other instances, reached through a Redis channel that every instance listens to (<see cref="StaleNewsListener"/>).
/// A connection string's <c>channelPrefix</c> keeps installations that share a Redis server apart.
/// </summary>
internal sealed class RedisInstances(IConnectionMultiplexer redis, ILogger<RedisInstances> logger) : IOtherInstances
{
    public static readonly RedisChannel StaleChannel = RedisChannel.Literal("moment:stale");

    public async Task TellAsync(StaleEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(StaleChannel, Write(entry));
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            // The change is committed; failing the request now would only make the person try again. The others forget
            // the entry when it grows old, and when their own connection to Redis comes back (StaleNewsListener).
            logger.LogWarning(error, "Could not tell the other instances that {Kind} {Key} is stale", entry.Kind, entry.Key);
        }
    }

    public static string Write(StaleEntry entry) => $"{entry.Kind}:{entry.Key}";

    public static StaleEntry? Read(string? message)
    {
        var colon = message?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 && Enum.TryParse<StaleKind>(message![..colon], ignoreCase: false, out var kind) && Enum.IsDefined(kind)
            ? new StaleEntry(kind, message[(colon + 1)..])
            : null;
    }
}

/// <summary>
/// Listens on the channel of <see cref="RedisInstances"/> and forgets here what another instance said is stale. While the
/// connection is down, news is lost; so when it comes back, this instance forgets every cached entry (they are cheap to read again).
/// </summary>
internal sealed class StaleNewsListener(IConnectionMultiplexer redis, ForgetEverywhere forget, StaleNewsHeard heard, ILogger<StaleNewsListener> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored += OnConnectionRestored;
        try
        {
            await redis.GetSubscriber().SubscribeAsync(RedisInstances.StaleChannel, (_, message) => Hear(message));
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            // The client subscribes again by itself once Redis is reachable.
            logger.LogError(error, "Could not subscribe to stale cache news; caches here refresh within their freshness");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored -= OnConnectionRestored;
        if (redis.IsConnected)
            await redis.GetSubscriber().UnsubscribeAsync(RedisInstances.StaleChannel);
    }

    private void Hear(RedisValue message)
    {
        if (RedisInstances.Read(message) is { } entry)
            forget.Forget(entry);
        else
            logger.LogWarning("Ignored stale cache news that is not understood: {Message}", (string?)message);
        heard.Poke();
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) => forget.ForgetEverythingHere();
}

/// <summary>Poked when this instance has heard (and acted on) stale cache news: something to wait on instead of sleeping.</summary>
internal sealed class StaleNewsHeard : Signal;
