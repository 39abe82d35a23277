using Microsoft.AspNetCore.SignalR;
using Moment.Application.Feed;
using Moment.Application.Notifications;

namespace Moment.Web.Realtime;

/// <summary>
/// The feed subscriber that tells people live: for each batch, <see cref="WhoIsTold"/> decides who hears what, each
/// person's notification list gets it (<see cref="RecordNotifications"/>, first, so that the unread count a browser asks for
/// on hearing the news includes it), and each person's browsers get it through <see cref="LiveHub"/>. At least once: after
/// a crash a batch may be sent again, and a notice shown twice is better than one lost (the list keeps it once).
/// </summary>
internal sealed class LiveNotifications(IServiceScopeFactory scopes, IHubContext<LiveHub> hub) : IFeedSubscriber
{
    public const string SubscriberName = "live";

    public string Name => SubscriberName;

    public async Task HandleAsync(IReadOnlyList<FeedEvent> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var told = await scope.ServiceProvider.GetRequiredService<WhoIsTold>().ForAsync(batch, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<RecordNotifications>().HandleAsync(told, cancellationToken);
        foreach (var news in told)
        {
            await hub.Clients.Groups([.. news.People.Select(LiveHub.GroupOf)])
                .SendAsync(LiveHub.NewsMethod, new LiveNews(news.Kind.ToString(), news.CaseNumber), cancellationToken);
        }
    }
}
