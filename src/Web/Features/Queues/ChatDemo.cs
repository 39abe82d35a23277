using System.Net;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;

namespace Moment.Web.Features.Queues;

/// <summary>
/// <c>/demo/chat</c>: a plain page of a made-up company with Moment's chat widget on it, exactly as a customer's own site
/// would embed it (one script tag), so that <c>dotnet run</c> shows the chat door at once. <c>?queue=</c> picks the
/// queue; without it, the first. A plain HTML answer rather than a Razor page: the widget is meant for pages that are
/// not Moment's.
/// </summary>
internal static class ChatDemo
{
    public const string Path = "/demo/chat";

    public static void MapChatDemo(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (Guid? queue, string? lang, AppDbContext db, CancellationToken ct) =>
            {
                var id = queue ?? await db.Queues.AsNoTracking().OrderBy(q => q.Name).Select(q => (Guid?)q.Id).FirstOrDefaultAsync(ct);
                var english = lang == "en";
                var text = english
                    ? ("Acme Broadband – customer service", "Questions about your broadband or your invoice? Chat with us: the button is at the bottom right.", "No queue is set up yet: an administrator adds one.")
                    : ("Acme Bredband – kundservice", "Frågor om ditt bredband eller din faktura? Chatta med oss: knappen finns längst ned till höger.", "Ingen kö är upplagd ännu: en administratör lägger till en.");
                var widget = id is { } queueId
                    ? $"""<script src="/chat/moment-chat.js" data-queue="{queueId}" data-lang="{(english ? "en" : "sv")}" defer></script>"""
                    : $"<p>{WebUtility.HtmlEncode(text.Item3)}</p>";
                return Results.Content($"""
                    <!DOCTYPE html>
                    <html lang="{(english ? "en" : "sv")}">
                    <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{WebUtility.HtmlEncode(text.Item1)}</title></head>
                    <body>
                    <main><h1>{WebUtility.HtmlEncode(text.Item1)}</h1><p>{WebUtility.HtmlEncode(text.Item2)}</p>
                    <p><a href="{Path}?lang={(english ? "sv" : "en")}">{(english ? "På svenska" : "In English")}</a></p></main>
                    {widget}
                    </body>
                    </html>
                    """, "text/html; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
