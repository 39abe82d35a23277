using System.Security.Claims;
using Moment.Application.Queues;
using Moment.Application.Staff;
using Moment.Domain.Queues;
using Moment.Web.Security;

namespace Moment.Web.Features.Queues;

public sealed record PresenceBody(Presence? State);

/// <summary>The queue for staff: its settings, an agent's presence and desk, offers and the contacts they hold, a day's measures.</summary>
internal static class QueuesApi
{
    public static RouteGroupBuilder MapQueuesApi(this RouteGroupBuilder api)
    {
        var queues = api.MapGroup("/queues").WithTags("Queues");
        queues.MapGet("/", async (QueueSettings settings, CancellationToken ct) => TypedResults.Ok(await settings.ListAsync(ct)))
            .WithSummary("Every queue with its team, skills, offer time, routing rule, service-level norm and whether the bot greets first.");
        queues.MapPost("/", async (SaveQueueRequest body, ClaimsPrincipal user, StaffCards staff, QueueSettings settings, CancellationToken ct) =>
            {
                var saved = await settings.SaveAsync(null, body, await user.ActorAsync(staff, ct), ct);
                return TypedResults.Created($"/api/queues/{saved.Id}", saved);
            })
            .WithSummary("Sets up a queue for a team (managers and administrators): name, skills ('sv, billing'), offerSeconds (5–300, default 20), "
                + "routing (LongestIdle or RoundRobin), normShare and normSeconds (default 80 % within 20 s), botFirst.");
        queues.MapPut("/{id:guid}", async (Guid id, SaveQueueRequest body, ClaimsPrincipal user, StaffCards staff, QueueSettings settings, CancellationToken ct) =>
                TypedResults.Ok(await settings.SaveAsync(id, body, await user.ActorAsync(staff, ct), ct)))
            .WithSummary("Changes a queue's settings (managers and administrators). A queue stays with its team.");
        queues.MapGet("/{id:guid}/line", async (Guid id, QueueSettings settings, QueueLines lines, CancellationToken ct) =>
            {
                await settings.FindAsync(id, ct);
                return TypedResults.Ok(await lines.OfAsync(id, ct));
            })
            .RequireAuthorization(StaffPolicies.CaseWorker)
            .WithSummary("The line now, front first: each contact's position and the range of wait a customer there is told (null while nobody serves).");
        queues.MapGet("/{id:guid}/today", async (Guid id, QueueToday today, CancellationToken ct) => TypedResults.Ok(await today.HandleAsync(id, ct)))
            .RequireAuthorization(StaffPolicies.Overseers)
            .WithSummary("The queue's day so far in its team's time: offered, answered, abandoned, ended by the bot, handed over by the bot (and how long that took on average), callbacks waiting, "
                + "service level against the norm, waits p50 and p90, and honesty (the share of customers whose wait fell inside the range they were shown).");

        queues.MapGet("/{id:guid}/bot-answers", async (Guid id, BotAnswers answers, CancellationToken ct) => TypedResults.Ok(await answers.ListAsync(id, ct)))
            .WithSummary("The questions and answers the queue's bot answers from, in the team's words.");
        queues.MapPut("/{id:guid}/bot-answers", async (Guid id, IReadOnlyList<BotAnswerView>? body, ClaimsPrincipal user, StaffCards staff, BotAnswers answers, CancellationToken ct) =>
                TypedResults.Ok(await answers.ReplaceAsync(id, body, await user.ActorAsync(staff, ct), ct)))
            .RequireAuthorization(StaffPolicies.TeamLeadership)
            .WithSummary("Replaces the bot's list (at most 50 pairs of 'question' and 'answer'); a lead of the queue's team. "
                + "The bot answers when a customer's words match at least half of a question's; it hands over to a person when asked, or after two misses.");

        var me = api.MapGroup("/queue").WithTags("Queues").RequireAuthorization(StaffPolicies.CaseWorker);
        me.MapGet("/desk", async (ClaimsPrincipal user, StaffCards staff, AgentDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.HandleAsync(await user.ActorAsync(staff, ct), ct)))
            .WithSummary("Your presence, the contacts offered to you now (with the question and a known customer's open cases) and the contacts you hold.");
        me.MapPut("/presence", async (PresenceBody body, ClaimsPrincipal user, StaffCards staff, SetPresence presence, CancellationToken ct) =>
                TypedResults.Ok(await presence.HandleAsync(await user.ActorAsync(staff, ct), body.State, ct)))
            .WithSummary("Your presence: Available (offered contacts), Busy, Away or WrapUp (offered nothing).");
        me.MapPost("/offers/{contactId:guid}/accept", async (Guid contactId, AnswerOfferRequest? body, ClaimsPrincipal user, StaffCards staff, AnswerOffer answer, CancellationToken ct) =>
                TypedResults.Ok(await answer.HandleAsync(contactId, body ?? new AnswerOfferRequest(null), await user.ActorAsync(staff, ct), ct)))
            .WithSummary("Takes the contact offered to you: you own the case it lands on, the customer's open case 'joinCase' or a new one. 409 when the offer has lapsed or gone.");
        me.MapPost("/contacts/{contactId:guid}/end", async (Guid contactId, ClaimsPrincipal user, StaffCards staff, EndContact end, CancellationToken ct) =>
            {
                await end.HandleAsync(contactId, await user.ActorAsync(staff, ct), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Ends a contact you hold (the chat is over): its conversation closes and you count as free from now.");
        api.MapPut("/staff/{userId:guid}/queue-skills", async (Guid userId, EquipAgentRequest body, ClaimsPrincipal user, StaffCards staff, EquipAgent equip, CancellationToken ct) =>
                TypedResults.Ok(await equip.HandleAsync(userId, body, await user.ActorAsync(staff, ct), ct)))
            .WithTags("Queues").RequireAuthorization(StaffPolicies.TeamLeadership)
            .WithSummary("Sets an agent's skills ('sv, en, billing') and how many chats they take at once (1–10; default 3). Leads of the agent's team.");
        return api;
    }
}
