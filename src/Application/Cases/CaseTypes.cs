using Microsoft.EntityFrameworkCore;
using Moment.Application.Caching;
using Moment.Application.Data;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>A case type as a form or a new case needs it.</summary>
public sealed record CaseTypeChoice(Guid Id, string Name);

/// <summary>
/// The case types every installation starts with; administrators add their own. Every new case needs the list,
/// so it is read through a short-lived cache; a type this instance has not seen yet is looked up before it is refused.
/// </summary>
public sealed class CaseTypes(AppDbContext db, ShortLivedCache<Type, IReadOnlyList<CaseTypeChoice>> cache)
{
    public const string Question = "Question";

    public static IReadOnlyList<string> Standard { get; } = ["Fault report", "Complaint", "Billing", Question, "Manager request"];

    public async Task EnsureStandardAsync(CancellationToken cancellationToken = default)
    {
        var existing = await db.CaseTypes.Select(t => t.Name).ToListAsync(cancellationToken);
        var missing = Standard.Except(existing, StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
            return;
        db.CaseTypes.AddRange(missing.Select(name => CaseType.Create(name)));
        await db.SaveChangesAsync(cancellationToken);
        cache.ForgetAll();
    }

    public async Task<IReadOnlyList<CaseTypeChoice>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGet(typeof(CaseTypeChoice), out var types))
            return types;
        types = await db.CaseTypes.AsNoTracking().OrderBy(t => t.Name).Select(t => new CaseTypeChoice(t.Id, t.Name)).ToListAsync(cancellationToken);
        cache.Store(typeof(CaseTypeChoice), types);
        return types;
    }

    /// <summary>The chosen type, or the question type when none is chosen; null when there is no such type.</summary>
    public async Task<CaseTypeChoice?> FindAsync(Guid? id, CancellationToken cancellationToken = default)
    {
        var types = await ListAsync(cancellationToken);
        var found = id is { } typeId ? types.FirstOrDefault(t => t.Id == typeId) : types.FirstOrDefault(t => t.Name == Question);
        if (found is not null || id is null)
            return found;
        cache.ForgetAll();
        return (await ListAsync(cancellationToken)).FirstOrDefault(t => t.Id == id);
    }
}
