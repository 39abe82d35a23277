using Microsoft.EntityFrameworkCore;
using Moment.Application.Absences;
using Moment.Application.Commitments;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Domain.Customers;

namespace Moment.Application.Customers;

public sealed record CustomerCaseRow(string Number, string Subject, CaseStatus Status, CasePriority Priority, string Owner, DateTimeOffset UpdatedAt);

/// <summary>The last contact the customer had with the organisation at one door, and on which case.</summary>
public sealed record LastContact(Door Door, ContactDirection? Direction, DateTimeOffset At, string CaseNumber);

public sealed record CustomerChangeRow(CustomerChangeKind Kind, string? From, string? To, string By, DateTimeOffset At);

/// <summary>
/// Everything staff need to know about one customer on one page: how to reach them, who their regular contact is, every
/// case (newest first, at most <see cref="CustomerProfile.MaxCases"/>), their open promises, the last contact at each
/// door, and the history of their details.
/// </summary>
public sealed record CustomerProfileView(
    CustomerSummary Customer, CustomerContact Contact, IReadOnlyList<CustomerCaseRow> Cases, int CaseCount, IReadOnlyList<CommitmentView> OpenPromises,
    IReadOnlyList<LastContact> LastContacts, IReadOnlyList<CustomerChangeRow> History);

/// <summary>What the case page shows of the customer beside the case: their other open cases, promises open on them, the last contact at each door.</summary>
public sealed record CustomerBesideCase(IReadOnlyList<CustomerCaseRow> OtherOpenCases, IReadOnlyList<CommitmentView> OpenPromisesElsewhere, IReadOnlyList<LastContact> LastContacts);

public sealed class CustomerProfile(AppDbContext db, CustomerReach reach, CommitmentViews promiseViews)
{
    public const int MaxCases = 100;

    public async Task<CustomerProfileView?> HandleAsync(Guid customerId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.ServesCustomers)
            throw new ForbiddenException("Only staff who serve customers see a customer's page.");
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
            return null;

        var cases = await db.Cases.AsNoTracking().Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.UpdatedAt).Take(MaxCases)
            .Join(db.Users, c => c.OwnerId, u => u.Id, (c, u) => new CustomerCaseRow(c.Number, c.Subject, c.Status, c.Priority, u.DisplayName, c.UpdatedAt))
            .ToListAsync(cancellationToken);
        var caseCount = cases.Count < MaxCases ? cases.Count : await db.Cases.CountAsync(c => c.CustomerId == customerId, cancellationToken);
        var history = await db.CustomerChanges.AsNoTracking().Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(50)
            .Join(db.Users, c => c.ById, u => u.Id, (c, u) => new CustomerChangeRow(c.Kind, c.From, c.To, u.DisplayName, c.At))
            .ToListAsync(cancellationToken);

        return new CustomerProfileView(
            CustomerSummary.Of(customer), await reach.HandleAsync(customerId, cancellationToken), cases, caseCount,
            await OpenPromisesAsync(customerId, null, cancellationToken), await LastContactsAsync(customerId, cancellationToken), history);
    }

    /// <summary>
    /// The customer beside one of their cases, for whoever works it: their other open cases (with owner), the promises
    /// open on those, and the last contact at each door. What the case page shows of the case itself is left out.
    /// </summary>
    public async Task<CustomerBesideCase> BesideAsync(Guid customerId, Guid caseId, CancellationToken cancellationToken = default)
    {
        var others = await db.Cases.AsNoTracking()
            .Where(c => c.CustomerId == customerId && c.Id != caseId && c.Status != CaseStatus.Resolved && c.Status != CaseStatus.ResolvedBySilence)
            .OrderByDescending(c => c.UpdatedAt).Take(10)
            .Join(db.Users, c => c.OwnerId, u => u.Id, (c, u) => new CustomerCaseRow(c.Number, c.Subject, c.Status, c.Priority, u.DisplayName, c.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new CustomerBesideCase(others, await OpenPromisesAsync(customerId, caseId, cancellationToken), await LastContactsAsync(customerId, cancellationToken));
    }

    /// <summary>The customer's open promises, soonest first, but those on <paramref name="besides"/>.</summary>
    private async Task<IReadOnlyList<CommitmentView>> OpenPromisesAsync(Guid customerId, Guid? besides, CancellationToken cancellationToken)
    {
        var promises = await db.Commitments.AsNoTracking()
            .Where(p => p.State == CommitmentState.Open && p.CaseId != besides && db.Cases.Any(c => c.Id == p.CaseId && c.CustomerId == customerId))
            .OrderBy(p => p.Deadline).ToListAsync(cancellationToken);
        return await promiseViews.DescribeAsync(promises, cancellationToken);
    }

    /// <summary>The latest contact at each door: one row per door, not the whole timeline of every case.</summary>
    private async Task<IReadOnlyList<LastContact>> LastContactsAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var contacts = await db.CaseEvents.AsNoTracking()
            .Where(e => e.Kind == CaseEventKind.Contact && e.Door != null && db.Cases.Any(c => c.Id == e.CaseId && c.CustomerId == customerId))
            .GroupBy(e => e.Door)
            .Select(g => g.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => new { e.Door, e.Direction, e.At, e.CaseId }).First())
            .ToListAsync(cancellationToken);
        var contactCases = contacts.Select(c => c.CaseId).Distinct().ToList();
        var numbers = await db.Cases.AsNoTracking().Where(c => contactCases.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
        return [.. contacts.Select(c => new LastContact(c.Door!.Value, c.Direction, c.At, numbers[c.CaseId])).OrderByDescending(c => c.At)];
    }
}
