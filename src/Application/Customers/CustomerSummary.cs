using Moment.Domain.Customers;

namespace Moment.Application.Customers;

/// <summary>A customer and how to reach them; <paramref name="Language"/>, the language they are answered in, null while not known.</summary>
public sealed record CustomerSummary(
    Guid Id, string Name, IReadOnlyList<string> PhoneNumbers, IReadOnlyList<string> EmailAddresses, string? PostalAddress, CustomerLanguage? Language)
{
    public static CustomerSummary Of(Customer customer) => new(
        customer.Id,
        customer.Name,
        [.. customer.PhoneNumbers.Select(p => p.E164)],
        [.. customer.EmailAddresses.Select(e => e.Address)],
        customer.PostalAddress,
        customer.Language);
}
