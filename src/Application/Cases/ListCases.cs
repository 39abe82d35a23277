using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

public sealed record CaseFilter(Guid? OwnerId = null, CaseStatus? Status = null, Guid? TeamId = null, Guid? CustomerId = null, int Limit = 100);

public sealed record CaseListItem(
    string Number, string Subject, CaseStatus Status, CasePriority Priority, string OwnerName, string? TeamName,
    string CustomerName, DateTimeOffset UpdatedAt, int HandOffs, int Declines);

/// <summary>The desk's lists: my cases, a team's cases, a customer's cases. Most recently changed first.</summary>
public sealed class ListCases(AppDbContext db)
{
    public const int MaxLimit = 500;

    public async Task<IReadOnlyList<CaseListItem>> HandleAsync(CaseFilter filter, CancellationToken cancellationToken = default)
    {
        var cases = db.Cases.AsNoTracking();
        if (filter.OwnerId is { } owner)
            cases = cases.Where(c => c.OwnerId == owner);
        if (filter.Status is { } status)
            cases = cases.Where(c => c.Status == status);
        if (filter.TeamId is { } team)
            cases = cases.Where(c => c.TeamId == team);
        if (filter.CustomerId is { } customer)
            cases = cases.Where(c => c.CustomerId == customer);
        return await cases
            .OrderByDescending(c => c.UpdatedAt)
            .Take(Math.Clamp(filter.Limit, 1, MaxLimit))
            .Select(c => new CaseListItem(
                c.Number, c.Subject, c.Status, c.Priority,
                db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).First(),
                db.Teams.Where(t => t.Id == c.TeamId).Select(t => t.Name).FirstOrDefault(),
                db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.Name).First(),
                c.UpdatedAt, c.HandOffCount, c.DeclineCount))
            .ToListAsync(cancellationToken);
    }
}
