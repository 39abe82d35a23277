using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Web.Security;

namespace Moment.Web.Features.Cases;

public sealed record DeclineBody(string? Reason);

public sealed record LinkBody(string? EarlierNumber);

public sealed record HandOffCreated(Guid HandOffId, CaseResponse Case);

/// <summary>Cases and hand-offs. Every change answers with the case as it now is.</summary>
internal static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapPost("/", RegisterAsync).RequireAuthorization(StaffPolicies.CaseWorker)
            .WithSummary("Registers a case at any door. The caller becomes its owner.");
        cases.MapGet("/{number}", async (string number, GetCase get, HttpRequest request, CancellationToken ct) =>
                TypedResults.Ok(CaseResponse.Of(await get.HandleAsync(number, ct), request)))
            .WithSummary("A case with owner, team, counts, the customer's link and the full timeline.");
        cases.MapGet("/", ListAsync).WithSummary("Cases by owner (me or an email), status and team (name or id).");

        cases.MapPut("/{number}", async (string number, EditCaseRequest body, ClaimsPrincipal user, StaffCards cards, EditCase edit, GetCase get, HttpRequest request, CancellationToken ct) =>
            {
                await edit.HandleAsync(number, body, await user.ActorAsync(cards, ct), ct);
                return TypedResults.Ok(CaseResponse.Of(await get.HandleAsync(number, ct), request));
            })
            .RequireAuthorization(StaffPolicies.CaseWorker)
            .WithSummary("Corrects the subject, case type, priority and team, each as it should be now, with a 'reason' (why). The owner "
                + "stays; one timeline entry lists each change from and to. Changing nothing is refused; a stale 'expectedVersion' is 409.");

        cases.MapPost("/bulk", async (ActOnCasesRequest body, ClaimsPrincipal user, StaffCards cards, ActOnCases act, CancellationToken ct) =>
                TypedResults.Ok(await act.HandleAsync(body, await user.ActorAsync(cards, ct), ct)))
            .RequireAuthorization(StaffPolicies.TeamLeadership)
            .WithSummary($"One 'action' on many cases ('numbers', at most {ActOnCases.MaxCases}) with one 'reason': 'reassign' to a person "
                + "('toUserId'), 'offer' to a person or a team ('toUserId' or 'toTeamId', with a 'summary'), or change the 'priority' or "
                + "'caseType' ('caseTypeId'). Each case by the rules for one case, with one timeline entry each. All or nothing: when any "
                + "case is refused, nothing is saved and the problem names the case.");

        var work = cases.MapGroup("/{number}").RequireAuthorization(StaffPolicies.CaseWorker);
        work.MapPost("/contacts", async (string number, RecordContactRequest body, ClaimsPrincipal user, StaffCards cards, RecordContact record, GetCase get, HttpRequest request, CancellationToken ct) =>
            {
                await record.HandleAsync(number, body, await user.ActorAsync(cards, ct), ct);
                return TypedResults.Ok(CaseResponse.Of(await get.HandleAsync(number, ct), request));
            })
            .WithSummary("Records a contact. 'sameProblem' on a resolved case reopens it as a repeat contact.");
        work.MapPost("/notes", async (string number, AddCaseNoteRequest body, ClaimsPrincipal user, StaffCards cards, AddCaseNote add, GetCase get, HttpRequest request, CancellationToken ct) =>
            {
                await add.HandleAsync(number, body, await user.ActorAsync(cards, ct), ct);
                return TypedResults.Ok(CaseResponse.Of(await get.HandleAsync(number, ct), request));
            })
            .WithSummary("Adds an internal note, or a public reply ('isPublic') the customer sees.");
        work.MapPost("/files", async (string number, HttpRequest request, ClaimsPrincipal user, StaffCards cards, CaseFiles files, CancellationToken ct) =>
            {
                // A body that is not a form has no file: the case's rules answer first, then "Choose a file".
                var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
                var upload = form?.Files.GetFile("file");
                await using var content = upload?.OpenReadStream() ?? Stream.Null;
                var version = int.TryParse(form?["expectedVersion"], out var v) ? v : (int?)null;
                var file = await files.AttachAsync(number, new AttachFileRequest(upload?.FileName, content, form?["comment"], version), await user.ActorAsync(cards, ct), ct);
                return TypedResults.Created($"/api/cases/{number}/files/{file.Id}", file);
            })
            // Token clients post files too; cookie clients are held to their own pages by the same-origin check of every /api request.
            // No Accepts<IFormFile>: with it, a body of another type finds no endpoint at all (404) instead of being told what to send.
            .DisableAntiforgery()
            .WithSummary($"Puts a file on the case (multipart/form-data: 'file', optional 'comment' and 'expectedVersion'): {CaseFileTypes.Accepted}, "
                + "at most 20 MB, its kind told by its content, not its declared type. An internal timeline entry names it.");
        work.MapGet("/files/{id:guid}", async (string number, Guid id, HttpContext http, ClaimsPrincipal user, StaffCards cards, CaseFiles files, CancellationToken ct) =>
            {
                var file = await files.OpenAsync(number, id, await user.ActorAsync(cards, ct), ct);
                // Always a download when opened, never a page of Moment's origin, its type never guessed; an <img> still shows a photo.
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Items[SecurityHeaders.OwnPolicy] = "sandbox; default-src 'none'";
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithSummary("A file of the case, as a download (Content-Disposition: attachment) with the type Moment found in it.");
        work.MapPost("/handoffs", async (string number, OfferHandOffRequest body, ClaimsPrincipal user, StaffCards cards, OfferHandOff offer, GetCase get, HttpRequest request, CancellationToken ct) =>
            {
                var id = await offer.HandleAsync(number, body, await user.ActorAsync(cards, ct), ct);
                return TypedResults.Created($"/api/handoffs/{id}", new HandOffCreated(id, CaseResponse.Of(await get.HandleAsync(number, ct), request)));
            })
            .WithSummary("Offers the case to a person or a team, with a summary and a reason. The owner stays owner until accepted; the offer waits "
                + "30 minutes of the receiver's team's opening hours. On accept the owner's open promises on the case go to the receiver, "
                + "except those whose ids are in 'keepPromises'.");
        work.MapPost("/resolution", async (string number, ProposeResolutionRequest body, ClaimsPrincipal user, StaffCards cards, ProposeResolution propose, GetCase get, HttpRequest request, CancellationToken ct) =>
            {
                await propose.HandleAsync(number, body, await user.ActorAsync(cards, ct), ct);
                return TypedResults.Ok(CaseResponse.Of(await get.HandleAsync(number, ct), request));
            })
            .WithSummary("Proposes a resolution (public text). The customer confirms or objects; silence through the window resolves it.");
        work.MapPost("/customer-answer", async (string number, RecordCustomerAnswerRequest body, ClaimsPrincipal user, StaffCards cards, RecordCustomerAnswer record, GetCase get, HttpRequest request, CancellationToken ct) =>
            {
                await record.HandleAsync(number, body, await user.ActorAsync(cards, ct), ct);
                return TypedResults.Ok(CaseResponse.Of(await get.HandleAsync(number, ct), request));
            })
            .WithSummary("Records the customer's answer to the proposed resolution as they gave it to you (on the phone, at the counter): "
                + "'solved' true or false, the 'door' it came through, and an optional 'comment' the customer reads. Saved with you as the one "
                + "who recorded it. The customer's link is for the customer's own answers.");
        work.MapPost("/reassign", async (string number, ReassignCaseRequest body, ClaimsPrincipal user, StaffCards cards, ReassignCase reassign, GetCase get, HttpRequest request, CancellationToken ct) =>
            {
                await reassign.HandleAsync(number, body, await user.ActorAsync(cards, ct), ct);
                return TypedResults.Ok(CaseResponse.Of(await get.HandleAsync(number, ct), request));
            })
            .RequireAuthorization(StaffPolicies.TeamLeadership)
            .WithSummary("A team lead gives the case to someone else, with a written reason.");
        work.MapPost("/links", async (string number, LinkBody body, ClaimsPrincipal user, StaffCards cards, LinkCases link, GetCase get, HttpRequest request, CancellationToken ct) =>
            {
                await link.HandleAsync(number, body.EarlierNumber ?? throw new DomainRuleException("Give the earlier case's number.", "EarlierNumber"), await user.ActorAsync(cards, ct), ct);
                return TypedResults.Ok(CaseResponse.Of(await get.HandleAsync(number, ct), request));
            })
            .WithSummary("Links this case to an earlier case about the same problem (counts a repeat contact there).");

        var handOffs = api.MapGroup("/handoffs").WithTags("Cases").RequireAuthorization(StaffPolicies.CaseWorker);
        handOffs.MapPost("/{id:guid}/accept", async (Guid id, ClaimsPrincipal user, StaffCards cards, AnswerHandOff answer, GetCase get, HttpRequest request, CancellationToken ct) =>
                TypedResults.Ok(CaseResponse.Of(await get.HandleAsync(await answer.AcceptAsync(id, await user.ActorAsync(cards, ct), ct), ct), request)))
            .WithSummary("Accepts an offer addressed to you (or your team): you become the owner.");
        handOffs.MapPost("/{id:guid}/decline", async (Guid id, DeclineBody body, ClaimsPrincipal user, StaffCards cards, AnswerHandOff answer, GetCase get, HttpRequest request, CancellationToken ct) =>
                TypedResults.Ok(CaseResponse.Of(await get.HandleAsync(await answer.DeclineAsync(id, body.Reason, await user.ActorAsync(cards, ct), ct), ct), request)))
            .WithSummary("Declines an offer with a reason; the owner stays owner.");
        return api;
    }

    private static async Task<Created<CaseResponse>> RegisterAsync(RegisterCaseRequest body, ClaimsPrincipal user, RegisterCase register, HttpRequest request, CancellationToken ct)
    {
        var registered = await register.HandleAsync(body, user.StaffId(), ct);
        return TypedResults.Created($"/api/cases/{registered.Number}", CaseResponse.Of(registered, request));
    }

    private static async Task<Ok<IReadOnlyList<CaseListItem>>> ListAsync(
        string? owner, string? status, string? team, int? limit, ClaimsPrincipal user, AppDbContext db, StaffCards cards, ListCases list, CancellationToken ct)
    {
        Guid? ownerId = owner switch
        {
            null or "" => null,
            "me" => user.StaffId(),
            _ => (await cards.FindByEmailAsync(owner, ct))?.Id
                ?? throw new DomainRuleException("No member of staff has the email address {0}.", "owner", owner),
        };
        Guid? teamId = team switch
        {
            null or "" => null,
            _ when Guid.TryParse(team, out var id) => id,
            _ => await db.Teams.Where(t => t.Name == team).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct)
                ?? throw new DomainRuleException($"There is no team called {team}.", "team"),
        };
        CaseStatus? wanted = status switch
        {
            null or "" => null,
            _ when Enum.TryParse<CaseStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) => parsed,
            _ => throw new DomainRuleException($"Unknown status '{status}'. Use open, proposedSolved, resolved or resolvedBySilence.", "status"),
        };
        return TypedResults.Ok(await list.HandleAsync(new CaseFilter(ownerId, wanted, teamId, Limit: limit ?? 100), ct));
    }
}
