using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Customers;

namespace Moment.Application.Customers;

/// <summary>
/// Nothing but the name is required: a landline alone, or no contact details at all, is enough. At most
/// <see cref="Customer.MaxPhoneNumbers"/> numbers and <see cref="Customer.MaxEmailAddresses"/> addresses.
/// <paramref name="Language"/> is the language they are answered in, when staff know it (null: not known).
/// </summary>
public sealed record RegisterCustomerRequest(
    string? Name, IReadOnlyList<string>? PhoneNumbers, IReadOnlyList<string>? EmailAddresses, string? PostalAddress, CustomerLanguage? Language = null);

public sealed class RegisterCustomer(AppDbContext db, TimeProvider time)
{
    public async Task<CustomerSummary> HandleAsync(RegisterCustomerRequest request, CancellationToken cancellationToken = default)
    {
        var (phoneNumbers, emailAddresses) = TypedDetails.Parse(request.PhoneNumbers, request.EmailAddresses);
        var customer = Customer.Register(request.Name ?? "", time.GetUtcNow());
        customer.ChangePostalAddress(request.PostalAddress);
        customer.ChangeLanguage(request.Language);
        foreach (var number in phoneNumbers)
            customer.AddPhoneNumber(number);
        foreach (var address in emailAddresses)
            customer.AddEmailAddress(address);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(cancellationToken);
        return CustomerSummary.Of(customer);
    }
}

/// <summary>Phone numbers and email addresses as staff type them, made the customer's (registering or correcting).</summary>
internal static class TypedDetails
{
    public static (List<CustomerPhoneNumber> PhoneNumbers, List<CustomerEmailAddress> EmailAddresses) Parse(
        IReadOnlyList<string>? phoneNumbers, IReadOnlyList<string>? emailAddresses)
    {
        // Counted before anything is parsed: one request with 100,000 numbers once took 96 s and 500 MB.
        if (phoneNumbers is { Count: > Customer.MaxPhoneNumbers })
            throw new DomainRuleException("A customer may have at most {0} phone numbers.", "PhoneNumbers", Customer.MaxPhoneNumbers);
        if (emailAddresses is { Count: > Customer.MaxEmailAddresses })
            throw new DomainRuleException("A customer may have at most {0} email addresses.", "EmailAddresses", Customer.MaxEmailAddresses);
        var numbers = new List<CustomerPhoneNumber>();
        foreach (var typed in phoneNumbers ?? [])
        {
            if (typed is { Length: > Customers.PhoneNumbers.MaxTypedLength })
                throw new DomainRuleException("A phone number may be at most {0} characters.", "PhoneNumbers", Customers.PhoneNumbers.MaxTypedLength);
            numbers.Add(new CustomerPhoneNumber(Customers.PhoneNumbers.TryNormalize(typed)
                ?? throw new DomainRuleException("'{0}' is not a phone number.", "PhoneNumbers", typed)));
        }

        return (numbers, [.. (emailAddresses ?? []).Select(email => new CustomerEmailAddress(email))]);
    }
}
