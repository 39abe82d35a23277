using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Customers;

namespace Moment.Application.Customers;

/// <summary>
/// Nothing but the name is required: a landline alone, or no contact details at all, is enough. At most
/// <see cref="Customer.MaxPhoneNumbers"/> numbers and <see cref="Customer.MaxEmailAddresses"/> addresses.
/// </summary>
public sealed record RegisterCustomerRequest(string? Name, IReadOnlyList<string>? PhoneNumbers, IReadOnlyList<string>? EmailAddresses, string? PostalAddress);

public sealed class RegisterCustomer(AppDbContext db, TimeProvider time)
{
    public async Task<CustomerSummary> HandleAsync(RegisterCustomerRequest request, CancellationToken cancellationToken = default)
    {
        // Counted before anything is parsed: one request with 100,000 numbers once took 96 s and 500 MB.
        if (request.PhoneNumbers is { Count: > Customer.MaxPhoneNumbers })
            throw new DomainRuleException("A customer may have at most {0} phone numbers.", "PhoneNumbers", Customer.MaxPhoneNumbers);
        if (request.EmailAddresses is { Count: > Customer.MaxEmailAddresses })
            throw new DomainRuleException("A customer may have at most {0} email addresses.", "EmailAddresses", Customer.MaxEmailAddresses);
        var customer = Customer.Register(request.Name ?? "", time.GetUtcNow());
        customer.ChangePostalAddress(request.PostalAddress);
        foreach (var typed in request.PhoneNumbers ?? [])
        {
            if (typed is { Length: > PhoneNumbers.MaxTypedLength })
                throw new DomainRuleException("A phone number may be at most {0} characters.", "PhoneNumbers", PhoneNumbers.MaxTypedLength);
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
