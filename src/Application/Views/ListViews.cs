using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;

namespace Moment.Application.Views;

/// <summary>A view on the reader's list: built-in (no id, no name of its own) or saved by them, with how many cases it holds now.</summary>
public sealed record ViewSummary(CaseView View, Guid? SavedViewId, string? Name, ViewFilter Filter, ViewSort Sort, int Count);

/// <summary>The reader's views: the built-in ones in their fixed order, then their own saved views by name, each with its count.</summary>
public sealed class ListViews(AppDbContext db, CaseViews views)
{
    public async Task<IReadOnlyList<ViewSummary>> HandleAsync(Actor reader, CancellationToken cancellationToken = default)
    {
        var list = new List<ViewSummary>();
        foreach (var view in Enum.GetValues<CaseView>())
            list.Add(new(view, null, null, ViewFilter.None, ViewSort.UpdatedNewest, await CountAsync(view, ViewFilter.None, reader, cancellationToken)));
        var saved = await db.SavedViews.AsNoTracking().Where(v => v.UserId == reader.Id).OrderBy(v => v.Name).ToListAsync(cancellationToken);
        foreach (var view in saved)
            list.Add(new(view.View, view.Id, view.Name, view.Filter, view.Sort, await CountAsync(view.View, view.Filter, reader, cancellationToken)));
        return list;
    }

    private async Task<int> CountAsync(CaseView view, ViewFilter filter, Actor reader, CancellationToken cancellationToken) =>
        await (await views.CasesAsync(view, filter, reader, cancellationToken)).CountAsync(cancellationToken);
}
