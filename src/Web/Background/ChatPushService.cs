using Microsoft.AspNetCore.SignalR;
using Moment.Application.Chat;
using Moment.Application.Queues;
using Moment.Web.Features.Queues;

namespace Moment.Web.Background;

/// <summary>
/// Tells the customers connected to this instance when their place, their stage or their messages change
/// (<see cref="WatchChats"/>): at once when the line or a chat changes here, else every
/// <c>Queues:ChatPushMilliseconds</c> (1 s), which finds what other instances changed. Each instance tells only its own
/// connections, so several instances need no backplane for this and never tell a customer twice.
/// </summary>
internal sealed class ChatPushService(
    IServiceScopeFactory scopes, ChatFollowers followers, IHubContext<ChatHub> hub, QueueSignal queue, ChatSignal chats,
    IConfiguration configuration, TimeProvider time, ILogger<ChatPushService> logger) : BackgroundService
{
    private readonly TimeSpan _poll = TimeSpan.FromMilliseconds(configuration.GetValue("Queues:ChatPushMilliseconds", 1000));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var poked = Task.WhenAny(queue.NextAsync(), chats.NextAsync());
                var follows = followers.Snapshot();
                if (follows.Count > 0)
                {
                    try
                    {
                        await TellAsync(follows, stoppingToken);
                    }
                    catch (Exception error) when (error is not OperationCanceledException)
                    {
                        // The database is away for a moment: the next look starts from what each customer was last told.
                        logger.LogWarning(error, "Telling chat customers failed; trying again");
                    }
                }

                await Task.WhenAny(poked, Task.Delay(_poll, time, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the widgets reconnect to another instance and follow again.
        }
    }

    private async Task TellAsync(IReadOnlyList<ChatFollow> follows, CancellationToken cancellationToken)
    {
        IReadOnlyList<ChatChange> changes;
        await using (var scope = scopes.CreateAsyncScope())
            changes = await scope.ServiceProvider.GetRequiredService<WatchChats>().HandleAsync(follows, cancellationToken);
        var last = follows.ToDictionary(f => f.ContactId);
        var sends = new List<Task>(changes.Count);
        foreach (var change in changes)
        {
            var connections = followers.ConnectionsOf(change.ContactId);
            if (connections.Count == 0)
                continue;
            var before = last[change.ContactId];
            if (change.Standing is { } standing)
            {
                SendTo(connections, ChatHub.StandingMethod, standing, sends, cancellationToken);
                followers.Told(ChatFollow.Of(standing, before.LastMessageId));
            }
            else if (change.Place is { } place)
            {
                SendTo(connections, ChatHub.PlaceMethod, place, sends, cancellationToken);
                followers.Told(before with { Position = place.Position, WaitFrom = place.WaitFrom, WaitTo = place.WaitTo });
            }
        }

        await Task.WhenAll(sends);
    }

    /// <summary>
    /// One connection at a time: <c>Clients.Client</c> finds a connection by its id, whereas <c>Clients.Clients(ids)</c>
    /// walks every connection of the instance for each send, which made a pass quadratic in the customers connected
    /// (the chat load benchmark: 5 s of CPU a pass at 5,000).
    /// </summary>
    private void SendTo(IReadOnlyList<string> connections, string method, object message, List<Task> sends, CancellationToken cancellationToken)
    {
        foreach (var connection in connections)
            sends.Add(hub.Clients.Client(connection).SendAsync(method, message, cancellationToken));
    }
}
