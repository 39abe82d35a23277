using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>The case types every installation starts with; administrators add their own.</summary>
public sealed class CaseTypes(AppDbContext db)
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
    }

    public async Task<IReadOnlyList<(Guid Id, string Name)>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.CaseTypes.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
        .Select(t => (t.Id, t.Name)).ToList();
}
