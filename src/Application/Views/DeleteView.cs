using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;

namespace Moment.Application.Views;

/// <summary>Deletes one of the reader's saved views (the built-in ones stay).</summary>
public sealed class DeleteView(AppDbContext db)
{
    public async Task HandleAsync(Guid id, Actor reader, CancellationToken cancellationToken = default)
    {
        var deleted = await db.SavedViews.Where(v => v.Id == id && v.UserId == reader.Id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
            throw new NotFoundException("You have no such saved view.");
    }
}
