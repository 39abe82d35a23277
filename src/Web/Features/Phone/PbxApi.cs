using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Primitives;
using Moment.Application.Phone;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Web.Realtime;
using Moment.Web.Security;

namespace Moment.Web.Features.Phone;

/// <summary>
/// The PBX's side (Asterisk, 3CX, Teams through a connector): call events in, and "where should this call go" out, with
/// the shared token of <c>Phone:Pbx:Token</c> (as <c>Authorization: Bearer …</c> or <c>?token=</c>, which is what most
/// PBX webhook settings can send). Events come as a form, as Zammad's generic CTI connectors send them, or as JSON.
/// Without a token configured the PBX side is off (404).
/// </summary>
internal static class PbxApi
{
    public const string TokenSetting = "Phone:Pbx:Token";

    /// <summary>The live news a desk hears when a call at its person's extension rings, is answered or ends.</summary>
    public const string CallNews = "Call";

    public static void MapPbxApi(this IEndpointRouteBuilder app)
    {
        var pbx = app.MapGroup("/api/phone/pbx").WithTags("Phone (PBX)").AllowAnonymous().AddEndpointFilter(RequireTokenAsync);
        pbx.MapPost("/events", async (HttpRequest request, TakePbxEvent take, IHubContext<LiveHub> hub, CancellationToken ct) =>
            {
                var taken = await take.HandleAsync(await ReadEventAsync(request, ct), ct);
                if (taken.Tell.Count > 0)
                    await hub.Clients.Groups([.. taken.Tell.Select(LiveHub.GroupOf)]).SendAsync(LiveHub.NewsMethod, new LiveNews(CallNews, ""), ct);
                return TypedResults.NoContent();
            })
            .Accepts<PbxEventRequest>("application/json", "application/x-www-form-urlencoded")
            .WithSummary("A call event: 'event' (newCall, answer, hangup), 'callId', 'from', 'to', 'direction' (in, out), 'extension' or 'user' "
                + "(the extension that rings, answers or calls), 'answeringNumber', 'cause'. The call shows live on the desk of the person at that "
                + "extension (their 'extension' in Moment), with the caller's customer record, open cases and promises. Sending an event twice changes nothing.");
        pbx.MapGet("/route", async (string? from, RoutePbxCall route, CancellationToken ct) => TypedResults.Ok(await route.HandleAsync(from, ct)))
            .WithSummary("Where to send a call from 'from': {action: 'extension', extension, caseNumber, ownerName} when the caller has an open "
                + "case whose owner has an extension and is not away, else {action: 'queue'}.");
    }

    public static RouteGroupBuilder MapPhoneApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me/calls", async (ClaimsPrincipal user, CallsOnDesk calls, CancellationToken ct) => TypedResults.Ok(await calls.HandleAsync(user.StaffId(), ct)))
            .WithTags("Phone (PBX)")
            .WithSummary("The calls at my extension: ringing, in progress, or ended in the last 8 hours and not yet logged, each with the caller as Moment knows them.");
        api.MapPost("/phone/calls/{id:guid}/log", async (Guid id, LogCallRequest body, ClaimsPrincipal user, StaffCards cards, LogCall log, CancellationToken ct) =>
                TypedResults.Ok(new { caseNumber = await log.HandleAsync(id, body, await user.ActorAsync(cards, ct), ct) }))
            .WithTags("Phone (PBX)")
            .WithSummary("Logs the call as a phone contact on the case 'caseNumber' with 'summary'. A call is logged once.");
        return api;
    }

    private static async ValueTask<object?> RequireTokenAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var expected = http.RequestServices.GetRequiredService<IConfiguration>()[TokenSetting];
        if (string.IsNullOrEmpty(expected))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "The PBX connection is not set up here.");
        var given = http.Request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            ? header["Bearer ".Length..].Trim()
            : http.Request.Query["token"].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "The PBX token is missing or wrong.");
        return await next(context);
    }

    private static async Task<PbxEventRequest> ReadEventAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            try
            {
                return await request.ReadFromJsonAsync<PbxEventRequest>(cancellationToken) ?? throw new JsonException();
            }
            catch (Exception error) when (error is JsonException or InvalidOperationException)
            {
                // Not JSON, or JSON of another shape: the PBX is told plainly, the way it can fix it.
                throw new DomainRuleException("Send the call event as JSON or as a form.", "Event");
            }
        }

        var form = await request.ReadFormAsync(cancellationToken);
        string? Field(params string[] names) => names.Select(name => form[name]).FirstOrDefault(value => !StringValues.IsNullOrEmpty(value)).ToString() is { Length: > 0 } value ? value : null;
        return new PbxEventRequest(
            Field("event"), Field("callId", "call_id"), Field("from"), Field("to"), Field("direction"), Field("extension"),
            // Zammad's connectors list the users a call rings for as user[]: several values, the first is the extension.
            form["user[]"].Count > 0 ? string.Join(',', form["user[]"].ToArray()) : Field("user"),
            Field("answeringNumber", "answering_number"), Field("cause"));
    }
}
