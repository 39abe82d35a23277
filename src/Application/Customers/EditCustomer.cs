using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Customers;

namespace Moment.Application.Customers;

/// <summary>
/// The customer's details as they should be now: every field, as on the form (a list replaces the list);
/// <paramref name="Language"/> null is "not known".
/// </summary>
public sealed record EditCustomerRequest(
    string? Name, IReadOnlyList<string>? PhoneNumbers, IReadOnlyList<string>? EmailAddresses, string? PostalAddress, CustomerLanguage? Language);

/// <summary>
/// Staff who serve customers correct a customer's details; each change is kept in the customer's history with who made
/// it. The same rules as registering: only the name is required.
/// </summary>
public sealed class EditCustomer(AppDbContext db, TimeProvider time)
{
    public async Task<CustomerSummary> HandleAsync(Guid customerId, EditCustomerRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.ServesCustomers)
            throw new ForbiddenException("Only staff who serve customers change a customer's details.");
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken)
            ?? throw new NotFoundException("That customer does not exist.");
        var (phoneNumbers, emailAddresses) = TypedDetails.Parse(request.PhoneNumbers, request.EmailAddresses);
        db.CustomerChanges.AddRange(customer.ChangeDetails(
            request.Name, phoneNumbers, emailAddresses, request.PostalAddress, request.Language, actor.Id, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return CustomerSummary.Of(customer);
    }
}
