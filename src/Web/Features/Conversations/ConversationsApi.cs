using System.Security.Claims;
using Moment.Application.Conversations;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Web.Security;

namespace Moment.Web.Features.Conversations;

/// <summary>Conversations beside a case: chats, email threads and calls with their messages. None of them changes the case or its version.</summary>
internal static class ConversationsApi
{
    public static RouteGroupBuilder MapConversationsApi(this RouteGroupBuilder api)
    {
        var onCase = api.MapGroup("/cases/{number}/conversations").WithTags("Conversations").RequireAuthorization(StaffPolicies.CaseWorker);
        onCase.MapGet("/", async (string number, ClaimsPrincipal user, StaffCards staff, ListConversations list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(number, await ActorAsync(user, staff, ct), ct)))
            .WithSummary("The case's conversations, oldest first, each with its door, state and messages: direction, author, time and delivery state.");
        onCase.MapPost("/", async (string number, StartConversationRequest body, ClaimsPrincipal user, StaffCards staff, StartConversation start, ListConversations list, CancellationToken ct) =>
            {
                var actor = await ActorAsync(user, staff, ct);
                var started = await start.HandleAsync(number, body, actor, ct);
                return TypedResults.Created($"/api/conversations/{started.ConversationId}", await list.OneAsync(started.ConversationId, actor, ct));
            })
            .WithSummary("Starts a conversation on a case that is not resolved: 'door', the door's own 'externalId' of the thread or call, and optionally "
                + "a first message ('text', inbound unless 'direction' is outbound, with its 'messageExternalId'). The case itself does not change.");

        var conversations = api.MapGroup("/conversations/{id:guid}").WithTags("Conversations").RequireAuthorization(StaffPolicies.CaseWorker);
        conversations.MapPost("/messages", async (Guid id, WriteMessageRequest body, ClaimsPrincipal user, StaffCards staff, WriteMessage write, CancellationToken ct) =>
                TypedResults.Ok(await write.HandleAsync(id, body, await ActorAsync(user, staff, ct), ct)))
            .WithSummary("Writes a message in an open conversation: outbound (yours, to the customer) or inbound (the customer's, as they wrote it). "
                + "A message with an 'externalId' already in the conversation is not written twice. Never a conflict with work on the case.");
        conversations.MapPost("/close", async (Guid id, ClaimsPrincipal user, StaffCards staff, CloseConversation close, ListConversations list, CancellationToken ct) =>
            {
                var actor = await ActorAsync(user, staff, ct);
                await close.HandleAsync(id, actor, ct);
                return TypedResults.Ok(await list.OneAsync(id, actor, ct));
            })
            .WithSummary("Ends a conversation; no more messages are written in it. Closing it again changes nothing.");

        api.MapGet("/attachments/{id:long}", async (long id, HttpContext http, ClaimsPrincipal user, StaffCards staff, OpenAttachment open, CancellationToken ct) =>
            {
                var file = await open.HandleAsync(id, await ActorAsync(user, staff, ct), ct);
                // A customer's file is never shown in Moment's own origin: always a download, its type never guessed.
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.File(file.Content, SafeType(file.ContentType), file.FileName);
            })
            .WithTags("Conversations").RequireAuthorization(StaffPolicies.CaseWorker)
            .WithSummary("A message's file (an email attachment), as a download (Content-Disposition: attachment) with the type the sender gave it.");
        api.MapGet("/attachments/{id:long}/formatted", async (long id, HttpContext http, ClaimsPrincipal user, StaffCards staff, OpenAttachment open, CancellationToken ct) =>
            {
                var html = await open.FormattedAsync(id, await ActorAsync(user, staff, ct), ct);
                // Shown in a frame of the case page, in a sandbox of its own: no script runs, nothing is fetched from
                // elsewhere (a tracking pixel stays dark), and it has no origin, so it can reach nothing of Moment's.
                http.Items[SecurityHeaders.OwnPolicy] = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'";
                return TypedResults.Content(html, "text/html; charset=utf-8");
            })
            .WithTags("Conversations").RequireAuthorization(StaffPolicies.CaseWorker)
            .WithSummary("A message's HTML file (an email's formatted body), sanitised, to show in a sandboxed frame: no scripts, nothing loaded from elsewhere.");
        return api;
    }

    /// <summary>The sender's type, unless it is one a browser would run as a page of Moment's (HTML, SVG, XML, script).</summary>
    private static string SafeType(string type) =>
        type.Contains("html", StringComparison.OrdinalIgnoreCase) || type.Contains("xml", StringComparison.OrdinalIgnoreCase)
            || type.Contains("script", StringComparison.OrdinalIgnoreCase) || !type.Contains('/', StringComparison.Ordinal)
            ? "application/octet-stream"
            : type;

    private static async Task<Actor> ActorAsync(ClaimsPrincipal user, StaffCards staff, CancellationToken ct) =>
        Actor.Of(await staff.FindAsync(user.StaffId(), ct) ?? throw new ForbiddenException("You are not on the staff."));
}
