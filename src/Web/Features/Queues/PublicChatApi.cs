using Moment.Application.Chat;

namespace Moment.Web.Features.Queues;

public sealed record ChatMessageBody(string? Text);

/// <summary>
/// The web chat for customers: no account, the resume token from the start is the key (kept in their browser). An
/// unknown or ended token is a plain 404, so the widget starts afresh and never shows someone else's chat.
/// </summary>
internal static class PublicChatApi
{
    public static void MapPublicChatApi(this IEndpointRouteBuilder app)
    {
        var chat = app.MapGroup("/api/public/chat").WithTags("Customer chat").AllowAnonymous().RequireCors(ChatWidgetCors.Policy);
        chat.MapPost("/", async (StartChatRequest body, StartChat start, CancellationToken ct) => TypedResults.Ok(await start.HandleAsync(body, ct)))
            .WithSummary("Starts a chat in a queue: 'name' and 'question' (required), 'phone' and 'email' (optional), 'language' (sv or en). "
                + "Answers with the resume 'token' and where the customer stands: position, a range of wait, whether the team is open.");
        chat.MapGet("/{token}", async (string token, long? after, ReadChat read, CancellationToken ct) => TypedResults.Ok(await read.HandleAsync(token, after, ct)))
            .WithSummary("Where the customer stands now, and the messages after message id 'after' (all without it).");
        chat.MapPost("/{token}/messages", async (string token, ChatMessageBody body, long? after, WriteInChat write, CancellationToken ct) =>
                TypedResults.Ok(await write.HandleAsync(token, body.Text, after, ct)))
            .WithSummary("The customer writes (at most 4,000 characters). To the bot, words like 'människa' or 'person' ask for a person.");
        chat.MapPost("/{token}/person", async (string token, WriteInChat write, CancellationToken ct) => TypedResults.Ok(await write.TalkToAPersonAsync(token, ct)))
            .WithSummary("\"Talk to a person\", at any moment: a chat with the bot joins the line at the place of its first message.");
        chat.MapPost("/{token}/callback", async (string token, AskForCallbackRequest body, AskForCallback ask, CancellationToken ct) =>
                TypedResults.Ok(await ask.HandleAsync(token, body, ct)))
            .WithSummary("Leave the line without losing the place: 'phone' (any Swedish notation) to be called back by the end of the range shown "
                + "(a promise), or 'writeHere': true to be answered in this chat.");
        chat.MapPost("/{token}/leave", async (string token, LeaveChat leave, CancellationToken ct) =>
            {
                await leave.HandleAsync(token, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("The customer closes the chat. Without a callback that gives up the place.");
    }
}
