using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Macros;

namespace Moment.Application.Macros;

/// <summary>Changes a canned reply (its keeper: the owner of a personal one, the team lead of a team's), or deletes it.</summary>
public sealed class ReviseMacro(AppDbContext db, TimeProvider time)
{
    public async Task<Macro> HandleAsync(Actor actor, Guid id, MacroContent content, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var macro = await LoadAsync(actor, id, expectedVersion, cancellationToken);
        macro.Revise(content, time.GetUtcNow());
        await SaveAsync(cancellationToken);
        return macro;
    }

    public async Task DeleteAsync(Actor actor, Guid id, CancellationToken cancellationToken = default)
    {
        db.Macros.Remove(await LoadAsync(actor, id, null, cancellationToken));
        await SaveAsync(cancellationToken);
    }

    private async Task<Macro> LoadAsync(Actor actor, Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var macro = await db.Macros.FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new NotFoundException("There is no such canned reply.");
        MacroRules.RequireKeep(actor, macro);
        if (expectedVersion is { } expected && expected != macro.Version)
            throw new ConflictException("The canned reply “{0}” has changed since you opened it. Reload it and try again.", macro.Name);
        return macro;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone else changed this canned reply at the same moment. Reload it and try again.");
        }
    }
}
