using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;

namespace Moment.Application.Views;

/// <summary>A view to keep under a name: which built-in view, its filters and its order.</summary>
public sealed record SaveViewRequest(string? Name, CaseView View, ViewFilter? Filter, ViewSort Sort = ViewSort.UpdatedNewest);

/// <summary>
/// Saves the reader's own view, or changes one of theirs (<c>id</c>). A name is the reader's once: a second view by the
/// same name is refused. Nobody reads or changes another person's views.
/// </summary>
public sealed class SaveView(AppDbContext db, TimeProvider time)
{
    public const int MaxViewsPerPerson = 50;

    public async Task<SavedView> HandleAsync(Guid? id, SaveViewRequest request, Actor reader, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var filter = request.Filter ?? ViewFilter.None;
        var name = Text.Required(request.Name, "Name", SavedView.NameMaxLength);
        if (await db.SavedViews.AnyAsync(v => v.UserId == reader.Id && v.Name == name && v.Id != id, cancellationToken))
            throw new ConflictException("You already have a view called {0}: choose another name, or change that view.", name);
        SavedView saved;
        if (id is { } existing)
        {
            saved = await db.SavedViews.FirstOrDefaultAsync(v => v.Id == existing && v.UserId == reader.Id, cancellationToken)
                ?? throw new NotFoundException("You have no such saved view.");
            saved.Change(name, request.View, filter, request.Sort, now);
        }
        else
        {
            if (await db.SavedViews.CountAsync(v => v.UserId == reader.Id, cancellationToken) >= MaxViewsPerPerson)
                throw new DomainRuleException("You can keep at most {0} views: delete one you no longer use.", "name", MaxViewsPerPerson);
            saved = SavedView.Create(reader.Id, name, request.View, filter, request.Sort, now);
            db.SavedViews.Add(saved);
        }

        await db.SaveChangesAsync(cancellationToken);
        return saved;
    }
}
