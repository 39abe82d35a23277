using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Customers;

namespace Moment.Application.Customers;

/// <summary>Nothing but the name is required: a landline alone, or no contact details at all, is enough.</summary>
public sealed record RegisterCustomerRequest(string? Name, IReadOnlyList<string>? PhoneNumbers, IReadOnlyList<string>? EmailAddresses, string? PostalAddress);

public sealed class RegisterCustomer(AppDbContext db, TimeProvider time)
{
    public async Task<CustomerSummary> HandleAsync(RegisterCustomerRequest request, CancellationToken cancellationToken = default)
    {
        var customer = Customer.Register(request.Name ?? "", time.GetUtcNow());
        customer.ChangePostalAddress(request.PostalAddress);
        foreach (var typed in request.PhoneNumbers ?? [])
        {
            var e164 = PhoneNumbers.TryNormalize(typed)
                ?? throw new DomainRuleException("'{0}' is not a phone number.", "PhoneNumbers", typed);
            customer.AddPhoneNumber(new CustomerPhoneNumber(e164));
        }

        foreach (var email in request.EmailAddresses ?? [])
            customer.AddEmailAddress(new CustomerEmailAddress(email));
        db.Customers.Add(customer);
        await db.SaveChangesAsync(cancellationToken);
        return CustomerSummary.Of(customer);
    }
}
