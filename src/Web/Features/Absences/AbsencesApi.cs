using System.Security.Claims;
using Moment.Application.Absences;
using Moment.Web.Security;

namespace Moment.Web.Features.Absences;

/// <summary>My absence and stand-in, taking work back on return, a customer's regular contact, and the cover-moves measure.</summary>
internal static class AbsencesApi
{
    public static RouteGroupBuilder MapAbsencesApi(this RouteGroupBuilder api)
    {
        var absence = api.MapGroup("/me/absence").WithTags("Absences");
        absence.MapGet("/", async (ClaimsPrincipal user, CurrentAbsence current, CancellationToken ct) =>
                TypedResults.Ok(await current.HandleAsync(user.StaffId(), ct) ?? throw new Application.NotFoundException("You have no planned or current absence.")))
            .WithSummary("My planned or current absence, with the stand-in. 404 when there is none.");
        absence.MapPut("/", async (RecordAbsenceRequest body, ClaimsPrincipal user, RecordAbsence record, CancellationToken ct) =>
                TypedResults.Ok(await record.HandleAsync(user.StaffId(), body, ct)))
            .WithSummary("Records my absence {from, to, standIn (email)}, or replaces the one I have. Once it has started only 'to' can change. "
                + "When it starts, my open cases, offers addressed to me and open promises move to the stand-in.");
        absence.MapDelete("/", async (ClaimsPrincipal user, CurrentAbsence current, CancellationToken ct) =>
            {
                await current.CancelAsync(user.StaffId(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Cancels a planned absence, or ends a started one now (back early). Nothing moves back by itself.");
        absence.MapGet("/covered", async (ClaimsPrincipal user, ListCoveredWork list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(user.StaffId(), ct)))
            .WithSummary("What my stand-in still holds for me: cases they own while covering for me, and my open promises they keep.");
        absence.MapPost("/return", async (TakeBackRequest body, ClaimsPrincipal user, TakeBackCoveredWork takeBack, CancellationToken ct) =>
                TypedResults.Ok(await takeBack.HandleAsync(user.StaffId(), body, ct)))
            .WithSummary("Takes back the chosen cases (numbers) and promises (ids), or everything with 'all': true. Ends a running absence.");

        api.MapPut("/customers/{id:guid}/regular-contact", async (Guid id, AssignRegularContactRequest body, AssignRegularContact assign, CancellationToken ct) =>
                TypedResults.Ok(await assign.HandleAsync(id, body, ct)))
            .WithTags("Customers")
            .RequireAuthorization(StaffPolicies.TeamLeadership)
            .WithSummary("Names a key account's regular contact by email (null: none). Answers with who reaches the customer now.");

        api.MapGet("/measures/cover-moves", async (DateTimeOffset? from, DateTimeOffset? to, CoverMoves moves, TimeProvider time, CancellationToken ct) =>
            {
                var end = to ?? time.GetUtcNow();
                return TypedResults.Ok(await moves.HandleAsync(from ?? end.AddDays(-30), end, ct));
            })
            .WithTags("Measures")
            .RequireAuthorization(StaffPolicies.Overseers)
            .WithSummary("Cover moves: items (cases, offers, promises) that moved to a stand-in, per person away and per team. Default: the last 30 days.");
        return api;
    }
}
