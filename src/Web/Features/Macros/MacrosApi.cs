using System.Security.Claims;
using Moment.Application.Macros;
using Moment.Application.Staff;
using Moment.Domain.Macros;
using Moment.Web.Security;

namespace Moment.Web.Features.Macros;

/// <summary>
/// A canned reply as written: <c>name</c> one word (typed after <c>/</c>), <c>body</c> with placeholders, <c>language</c>
/// swedish or english, <c>use</c> internalNote, publicReply (default) or proposeResolution, <c>teamId</c> for a team's.
/// </summary>
public sealed record MacroBody(string? Name, string? Body, MacroLanguage? Language, MacroUse? Use, Guid? TeamId, int? ExpectedVersion)
{
    public MacroContent Content => new(Name, Body, Language, Use);
}

/// <summary>
/// Canned replies (<see cref="MacroRules"/>): everyone who serves customers keeps their own and uses their team's; a team's
/// are kept by its team lead, a manager or an administrator. Filled in for a case, the placeholders become the customer's
/// first name, the case number, the owner's name and the customer's link.
/// </summary>
internal static class MacrosApi
{
    public static RouteGroupBuilder MapMacrosApi(this RouteGroupBuilder api)
    {
        var macros = api.MapGroup("/macros").WithTags("Canned replies").RequireAuthorization(StaffPolicies.CaseWorker);
        macros.MapGet("/", async (ClaimsPrincipal user, StaffCards cards, MacroViews views, CancellationToken ct) =>
                TypedResults.Ok(await views.ForAsync(await user.ActorAsync(cards, ct), ct)))
            .WithSummary("The canned replies the caller may use: their own, then their team's (managers and administrators: every team's).");
        macros.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, StaffCards cards, MacroViews views, CancellationToken ct) =>
                TypedResults.Ok(await views.GetAsync(await user.ActorAsync(cards, ct), id, ct)))
            .WithSummary("One canned reply as written. Another team's is refused (403); someone else's own is not found (404).");
        macros.MapGet("/for-case/{number}", async (string number, ClaimsPrincipal user, StaffCards cards, MacroViews views, PublicAddress address, CancellationToken ct) =>
                TypedResults.Ok(await views.ForCaseAsync(await user.ActorAsync(cards, ct), number, address.CustomerLink, ct)))
            .WithSummary("Every canned reply the caller may use, filled in for the case.");
        macros.MapGet("/{id:guid}/for-case/{number}", async (Guid id, string number, ClaimsPrincipal user, StaffCards cards, MacroViews views, PublicAddress address,
                CancellationToken ct) =>
                TypedResults.Ok(await views.FillAsync(await user.ActorAsync(cards, ct), id, number, address.CustomerLink, ct)))
            .WithSummary("One canned reply filled in for the case, ready for a note, a reply or a proposed resolution (its use says which).");
        macros.MapPost("/", async (MacroBody body, ClaimsPrincipal user, StaffCards cards, WriteMacro write, MacroViews views, CancellationToken ct) =>
            {
                var actor = await user.ActorAsync(cards, ct);
                var macro = await write.HandleAsync(actor, new WriteMacroRequest(body.Content, body.TeamId), ct);
                return TypedResults.Created($"/api/macros/{macro.Id}", await views.GetAsync(actor, macro.Id, ct));
            })
            .WithSummary("Writes a canned reply: the caller's own, or with teamId a team's (its team lead, a manager, an administrator).");
        macros.MapPut("/{id:guid}", async (Guid id, MacroBody body, ClaimsPrincipal user, StaffCards cards, ReviseMacro revise, MacroViews views, CancellationToken ct) =>
            {
                var actor = await user.ActorAsync(cards, ct);
                await revise.HandleAsync(actor, id, body.Content, body.ExpectedVersion, ct);
                return TypedResults.Ok(await views.GetAsync(actor, id, ct));
            })
            .WithSummary("Changes a canned reply (give expectedVersion to be told of someone else's save); its team stays.");
        macros.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, StaffCards cards, ReviseMacro revise, CancellationToken ct) =>
            {
                await revise.DeleteAsync(await user.ActorAsync(cards, ct), id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Deletes a canned reply.");
        return api;
    }
}
