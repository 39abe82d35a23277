using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Domain.Cases;

namespace Moment.Application.Absences;

public sealed record CoveredCase(string Number, string Subject, string CustomerName, PersonRef StandIn);

public sealed record CoveredCommitment(Guid Id, string CaseNumber, string What, DateTimeOffset Deadline, PersonRef StandIn);

/// <summary>What a stand-in still holds for me: the cases they own while covering for me, and my open promises they keep.</summary>
public sealed record CoveredWork(IReadOnlyList<CoveredCase> Cases, IReadOnlyList<CoveredCommitment> Commitments)
{
    public bool IsEmpty => Cases.Count == 0 && Commitments.Count == 0;
}

/// <summary>"Welcome back": what moved to the stand-in while I was away and is still with them.</summary>
public sealed class ListCoveredWork(AppDbContext db)
{
    public async Task<CoveredWork> HandleAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.CoveringForId == userId)
            .OrderBy(c => c.CreatedAt)
            .Select(c => new
            {
                c.Number,
                c.Subject,
                Customer = db.Customers.Where(k => k.Id == c.CustomerId).Select(k => k.Name).First(),
                c.OwnerId,
            })
            .ToListAsync(cancellationToken);
        var commitments = await db.Commitments.AsNoTracking()
            .Where(k => k.CoveringForId == userId && k.State == CommitmentState.Open)
            .OrderBy(k => k.Deadline)
            .Select(k => new { k.Id, Number = db.Cases.Where(c => c.Id == k.CaseId).Select(c => c.Number).First(), k.What, k.Deadline, k.KeeperId })
            .ToListAsync(cancellationToken);

        var ids = cases.Select(c => c.OwnerId).Concat(commitments.Select(k => k.KeeperId)).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new PersonRef(u.Id, u.DisplayName, u.Email ?? ""), cancellationToken);
        return new CoveredWork(
            [.. cases.Select(c => new CoveredCase(c.Number, c.Subject, c.Customer, people[c.OwnerId]))],
            [.. commitments.Select(k => new CoveredCommitment(k.Id, k.Number, k.What, k.Deadline, people[k.KeeperId]))]);
    }
}
