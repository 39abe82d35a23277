using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;

namespace Moment.Application.Customers;

/// <summary>The customer who is the same person as the one kept, and is to be merged into them.</summary>
public sealed record MergeCustomersRequest(Guid? OtherCustomerId);

/// <summary>
/// Two customers who are one person (the same number registered as "Margit Andersson" and as "Andersson Margit"): the
/// other's numbers, addresses, cases, conversations and waiting contacts become the kept customer's, and the other is
/// removed. One transaction: a refusal leaves both as they were. The kept customer's history says who was merged in, by
/// whom; the cases keep their own timelines.
/// </summary>
public sealed class MergeCustomers(AppDbContext db, TimeProvider time)
{
    public async Task<CustomerSummary> HandleAsync(Guid keptId, MergeCustomersRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.ServesCustomers)
            throw new ForbiddenException("Only staff who serve customers merge customers.");
        if (request.OtherCustomerId is not { } otherId)
            throw new DomainRuleException("Choose the customer to merge into this one.", "OtherCustomerId");
        var kept = await db.Customers.FirstOrDefaultAsync(c => c.Id == keptId, cancellationToken)
            ?? throw new NotFoundException("That customer does not exist.");
        var other = await db.Customers.FirstOrDefaultAsync(c => c.Id == otherId, cancellationToken)
            ?? throw new DomainRuleException("The customer to merge does not exist.", "OtherCustomerId");

        var changes = kept.Absorb(other, actor.Id, time.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Set-based, in the transaction: a customer may have thousands of cases, none of which needs loading to move.
        // A case's concurrency version is not touched: its own content does not change, only whose it is.
        await db.Cases.Where(c => c.CustomerId == otherId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, keptId), cancellationToken);
        await db.Conversations.Where(c => c.CustomerId == otherId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, (Guid?)keptId), cancellationToken);
        await db.WaitingContacts.Where(c => c.CustomerId == otherId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, (Guid?)keptId), cancellationToken);
        db.CustomerChanges.AddRange(changes);
        db.Customers.Remove(other);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CustomerSummary.Of(kept);
    }
}
