using Moment.Domain.Customers;

namespace Moment.Application.Customers;

public sealed record CustomerSummary(Guid Id, string Name, IReadOnlyList<string> PhoneNumbers, IReadOnlyList<string> EmailAddresses, string? PostalAddress)
{
    public static CustomerSummary Of(Customer customer) => new(
        customer.Id,
        customer.Name,
        [.. customer.PhoneNumbers.Select(p => p.E164)],
        [.. customer.EmailAddresses.Select(e => e.Address)],
        customer.PostalAddress);
}
