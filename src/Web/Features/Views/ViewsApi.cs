using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Moment.Application.Staff;
using Moment.Application.Views;
using Moment.Web.Security;

namespace Moment.Web.Features.Views;

/// <summary>A view to save: 'view' and 'sort' by name (myOpen, updatedNewest), the filters as in the query of a view's cases.</summary>
public sealed record SavedViewBody(
    string? Name, string? View, string? Sort, string? Status, string? Priority, string? Door, string? CaseType, string? Team, string? Owner,
    string? MinAgeDays, string? MaxAgeDays)
{
    public SaveViewRequest ToRequest() => new(
        Name, ViewInput.Choice<CaseView>(View, "view") ?? CaseView.MyOpen,
        ViewInput.Filter(Status, Priority, Door, CaseType, Team, Owner, MinAgeDays, MaxAgeDays),
        ViewInput.Choice<ViewSort>(Sort, "sort") ?? ViewSort.UpdatedNewest);
}

public sealed record SavedViewResponse(Guid Id, string Name, CaseView View, ViewSort Sort, ViewFilter Filter)
{
    public static SavedViewResponse Of(SavedView view) => new(view.Id, view.Name, view.View, view.Sort, view.Filter);
}

/// <summary>The desk's views: the built-in ones and each person's own, their counts, and their cases a page at a time.</summary>
internal static class ViewsApi
{
    public static RouteGroupBuilder MapViewsApi(this RouteGroupBuilder api)
    {
        var views = api.MapGroup("/views").WithTags("Views");
        views.MapGet("/", async (ClaimsPrincipal user, StaffCards cards, ListViews list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(await user.ActorAsync(cards, ct), ct)))
            .WithSummary("The built-in views (myOpen, myTeam, waitingForCustomer, promisesDueToday, teamOffers, escalated) and your saved views, each with its count.");
        views.MapGet("/{view}/cases", ReadAsync)
            .WithSummary("A page of a view's cases: {view} is a built-in view's name or a saved view's id. Filters: status, priority, door, caseType, "
                + "team, owner (ids), minAgeDays, maxAgeDays; sort: updatedNewest, updatedOldest, createdNewest, createdOldest; limit (1–200, "
                + "50); after: the 'next' of the page before. 'count' is the whole view's.");
        views.MapPost("/", async (SavedViewBody body, ClaimsPrincipal user, StaffCards cards, SaveView save, CancellationToken ct) =>
            {
                var saved = await save.HandleAsync(null, body.ToRequest(), await user.ActorAsync(cards, ct), ct);
                return TypedResults.Created($"/api/views/{saved.Id}/cases", SavedViewResponse.Of(saved));
            })
            .WithSummary("Saves a view of your own: a name (yours once), a built-in 'view', its filters and its 'sort'.");
        views.MapPut("/{id:guid}", async (Guid id, SavedViewBody body, ClaimsPrincipal user, StaffCards cards, SaveView save, CancellationToken ct) =>
                TypedResults.Ok(SavedViewResponse.Of(await save.HandleAsync(id, body.ToRequest(), await user.ActorAsync(cards, ct), ct))))
            .WithSummary("Changes one of your saved views: everything as it should be now.");
        views.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, StaffCards cards, DeleteView delete, CancellationToken ct) =>
            {
                await delete.HandleAsync(id, await user.ActorAsync(cards, ct), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Deletes one of your saved views.");
        return api;
    }

    private static async Task<Ok<ViewPage>> ReadAsync(
        string view, string? status, string? priority, string? door, string? caseType, string? team, string? owner, string? minAgeDays,
        string? maxAgeDays, string? sort, string? after, int? limit, HttpRequest request, ClaimsPrincipal user, StaffCards cards, ReadView read,
        CancellationToken ct)
    {
        var filtered = new[] { "status", "priority", "door", "caseType", "team", "owner", "minAgeDays", "maxAgeDays" }.Any(request.Query.ContainsKey);
        var filter = ViewInput.Filter(status, priority, door, caseType, team, owner, minAgeDays, maxAgeDays);
        var order = ViewInput.Choice<ViewSort>(sort, "sort");
        var pageSize = limit ?? ReadView.DefaultPageSize;
        var reader = await user.ActorAsync(cards, ct);
        var wanted = Guid.TryParse(view, out var savedId)
            ? new ViewRequest(Filter: filtered ? filter : null, Sort: order, After: after, PageSize: pageSize, SavedViewId: savedId)
            : new ViewRequest(ViewInput.Choice<CaseView>(view, "view")!.Value, filter, order, after, pageSize);
        return TypedResults.Ok(await read.HandleAsync(wanted, reader, ct));
    }
}
