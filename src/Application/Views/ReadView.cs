using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;

namespace Moment.Application.Views;

/// <summary>
/// Which page of a view: a built-in view, or one of the reader's saved views (<paramref name="SavedViewId"/>, whose view,
/// filters and order are used unless the request gives its own). <paramref name="After"/> is the previous page's
/// <see cref="ViewPage.Next"/>; none is the first page.
/// </summary>
public sealed record ViewRequest(
    CaseView View = CaseView.MyOpen, ViewFilter? Filter = null, ViewSort? Sort = null, string? After = null, int PageSize = ReadView.DefaultPageSize,
    Guid? SavedViewId = null);

/// <summary>A page of a view, how many cases the whole view holds, and where the next page starts (null on the last).</summary>
public sealed record ViewPage(CaseView View, ViewSort Sort, ViewFilter Filter, IReadOnlyList<ViewRow> Rows, int Count, string? Next);

/// <summary>One page of a view, in its order, after the last case of the page before (keyset paging: no page is counted off).</summary>
public sealed class ReadView(AppDbContext db, CaseViews views)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<ViewPage> HandleAsync(ViewRequest request, Actor reader, CancellationToken cancellationToken = default)
    {
        if (request.PageSize is < 1 or > MaxPageSize)
            throw new DomainRuleException("A page holds from 1 to {0} cases.", "limit", MaxPageSize);
        var (view, filter, sort) = (request.View, request.Filter, request.Sort);
        if (request.SavedViewId is { } id)
        {
            var saved = await db.SavedViews.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id && v.UserId == reader.Id, cancellationToken)
                ?? throw new NotFoundException("You have no such saved view.");
            (view, filter, sort) = (saved.View, filter ?? saved.Filter, sort ?? saved.Sort);
        }

        filter ??= ViewFilter.None;
        var order = sort ?? ViewSort.UpdatedNewest;
        var after = ViewCursor.Parse(request.After);
        var cases = await views.CasesAsync(view, filter, reader, cancellationToken);
        var count = await cases.CountAsync(cancellationToken);
        var page = after is null ? cases : CaseViews.After(cases, order, after);
        // One more than the page: whether there is a next page, without counting what is left.
        var rows = await views.Rows(CaseViews.Ordered(page, order).Take(request.PageSize + 1)).ToListAsync(cancellationToken);
        var next = rows.Count > request.PageSize ? ViewCursor.Of(rows[request.PageSize - 1], order).ToString() : null;
        return new ViewPage(view, order, filter, rows.Count > request.PageSize ? rows[..request.PageSize] : rows, count, next);
    }
}
