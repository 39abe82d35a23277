using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Moment.Web.Security;

namespace Moment.Web.Realtime;

/// <summary>
/// The live connection of a signed-in member of staff's browser (<c>live.js</c>): news reaches people, not pages. Each
/// connection joins its person's group, so every open tab of theirs hears what they are told. A team's news is addressed
/// to its members one by one (<see cref="Application.Feed.WhoIsTold"/> resolves them when the news goes out), so that
/// someone who changes team meanwhile is not told the old team's news. With Redis configured (<c>Web/ScaleOut</c>) a group
/// spans every instance: news sent by the instance that runs the feed reaches a browser connected to any other.
/// </summary>
[Authorize]
public sealed class LiveHub : Hub
{
    public const string Path = "/live";

    /// <summary>The message a browser receives: the kind of news and the case number.</summary>
    public const string NewsMethod = "news";

    public static string GroupOf(Guid userId) => $"user:{userId}";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf((Context.User ?? throw new HubException("Not signed in.")).StaffId()));
        await base.OnConnectedAsync();
    }
}

/// <summary>What a browser is told: <paramref name="Kind"/> is a timeline entry kind (the notice's text is chosen by it).</summary>
public sealed record LiveNews(string Kind, string Number);
