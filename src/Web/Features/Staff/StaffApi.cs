using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Moment.Application.ApiTokens;
using Moment.Application.Staff;
using Moment.Application.Teams;
using Moment.Web.Security;

namespace Moment.Web.Features.Staff;

public sealed record MeResponse(Guid Id, string Name, string Email, IReadOnlyList<string> Roles, string? Team);

public sealed record CreateTokenBody(string? Name, DateTimeOffset? ExpiresAt);

public sealed record PhoneBody(string? Phone);

/// <summary>Who am I, my API tokens, and the staff directory.</summary>
internal static class StaffApi
{
    public static RouteGroupBuilder MapStaffApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Me");
        me.MapGet("/", GetMeAsync).WithSummary("The signed-in member of staff, with roles and team.");
        me.MapGet("/tokens", (ClaimsPrincipal user, ListApiTokens list, CancellationToken ct) => list.HandleAsync(user.StaffId(), ct))
            .WithSummary("My personal API tokens (never their secrets).");
        me.MapPut("/phone", async (PhoneBody body, ClaimsPrincipal user, SetStaffPhone set, CancellationToken ct) =>
                TypedResults.Ok(new PhoneBody(await set.HandleAsync(user.StaffId(), body.Phone, ct))))
            .WithSummary("The phone I take calls on (any Swedish notation, or a sip: address); none to take no calls. A call I accept is put through to it.");
        me.MapPost("/tokens", CreateTokenAsync).WithSummary("Creates a personal API token. The secret is in this response only.");
        me.MapDelete("/tokens/{id:guid}", async (Guid id, ClaimsPrincipal user, RevokeApiToken revoke, CancellationToken ct) =>
            {
                await revoke.HandleAsync(user.StaffId(), id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Revokes one of my API tokens.");

        api.MapGet("/users", (ListStaff list, CancellationToken ct) => list.HandleAsync(ct))
            .RequireAuthorization(policy => policy.RequireRole(StaffRoles.Administrator))
            .WithTags("Staff").WithSummary("Every member of staff with email, roles and team (administrators).");
        api.MapGet("/teams", (ListTeams list, CancellationToken ct) => list.HandleAsync(ct))
            .WithTags("Staff").WithSummary("The teams with their team lead and responsible manager.");
        return api;
    }

    private static async Task<Results<Ok<MeResponse>, NotFound>> GetMeAsync(ClaimsPrincipal user, ListStaff list, CancellationToken ct)
    {
        var member = await list.FindAsync(user.StaffId(), ct);
        return member is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new MeResponse(member.Id, member.DisplayName, member.Email, member.Roles, member.TeamName));
    }

    private static async Task<Created<CreatedApiToken>> CreateTokenAsync(CreateTokenBody body, ClaimsPrincipal user, CreateApiToken create, CancellationToken ct)
    {
        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "";
        var created = await create.HandleAsync(new CreateApiTokenRequest(email, body.Name ?? "", body.ExpiresAt), ct);
        return TypedResults.Created($"/api/me/tokens/{created.Id}", created);
    }
}
