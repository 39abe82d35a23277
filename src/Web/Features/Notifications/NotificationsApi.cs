using System.Security.Claims;
using Moment.Application.Notifications;
using Moment.Web.Security;

namespace Moment.Web.Features.Notifications;

public sealed record UnreadCount(int Unread);

public sealed record MarkedRead(int Marked);

/// <summary>The caller's notifications: their news (offers, mentions, promises, customers' answers, manager requests), unread marks.</summary>
internal static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("/", async (bool? unread, long? before, ClaimsPrincipal user, NotificationViews views, CancellationToken ct) =>
                TypedResults.Ok(await views.ListAsync(user.StaffId(), unread == true, before, ct)))
            .WithSummary("My latest 100 notifications, newest first; unread=true leaves out those I have read; before=<id> the 100 before that one.");
        notifications.MapGet("/unread-count", async (ClaimsPrincipal user, NotificationViews views, CancellationToken ct) =>
                TypedResults.Ok(new UnreadCount(await views.UnreadCountAsync(user.StaffId(), ct))))
            .WithSummary("How many of my notifications are unread (the header's count).");
        notifications.MapPost("/{id:long}/read", async (long id, ClaimsPrincipal user, MarkNotificationsRead mark, CancellationToken ct) =>
                TypedResults.Ok(new MarkedRead(await mark.HandleAsync(user.StaffId(), id, ct))))
            .WithSummary("Marks one of my notifications read (someone else's is not found).");
        notifications.MapPost("/read", async (ClaimsPrincipal user, MarkNotificationsRead mark, CancellationToken ct) =>
                TypedResults.Ok(new MarkedRead(await mark.HandleAsync(user.StaffId(), null, ct))))
            .WithSummary("Marks all my notifications read.");
        return api;
    }
}
