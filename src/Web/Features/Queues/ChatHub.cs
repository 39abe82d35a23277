using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Moment.Application;
using Moment.Application.Chat;

namespace Moment.Web.Features.Queues;

/// <summary>
/// The customer's live line to their chat (the widget's SignalR connection): after <see cref="Follow"/> with the resume
/// token, the connection is told <see cref="PlaceMethod"/> when the line moves and <see cref="StandingMethod"/> when a
/// person answers, writes or the chat ends. No account and no cookie: the token is the key, given in the call rather
/// than in the address so it stays out of logs. The contract is in docs/chat-hub.md.
/// </summary>
[AllowAnonymous]
public sealed class ChatHub(ChatFollowers followers, ReadChat read) : Hub
{
    public const string Path = "/chat-live";

    /// <summary>Sent with a <see cref="ChatPlace"/>: the customer's new place and range.</summary>
    public const string PlaceMethod = "place";

    /// <summary>Sent with a <see cref="ChatStanding"/> holding only the messages the customer does not have yet.</summary>
    public const string StandingMethod = "standing";

    /// <summary>A widget follows once, and again after a reconnect; more than this on one connection is a client gone wrong.</summary>
    private const int FollowsPerConnection = 10;

    /// <summary>
    /// Starts following the chat of <paramref name="token"/> and answers with where the customer stands and every
    /// message so far; null for a token that is unknown or whose chat is gone (the widget starts afresh).
    /// </summary>
    public async Task<ChatStanding?> Follow(string token)
    {
        var count = Context.Items.TryGetValue(nameof(Follow), out var value) ? (int)value! + 1 : 1;
        Context.Items[nameof(Follow)] = count;
        if (count > FollowsPerConnection)
            throw new HubException("Too many requests on this connection; reconnect.");
        ChatStanding standing;
        try
        {
            standing = await read.HandleAsync(token, null, Context.ConnectionAborted);
        }
        catch (NotFoundException)
        {
            followers.Unfollow(Context.ConnectionId);
            return null;
        }

        followers.Follow(Context.ConnectionId, ChatFollow.Of(standing, 0));
        return standing;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        followers.Unfollow(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
