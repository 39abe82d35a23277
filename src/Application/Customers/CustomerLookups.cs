using Moment.Domain.Customers;

namespace Moment.Application.Customers;

/// <summary>
/// Customers by an exact phone number or email address, as a join from the number's or the address's index. Asked as
/// <c>c.PhoneNumbers.Any(p => p.E164 == e164)</c>, SQLite runs the EXISTS once for every customer (its plan: a scan of
/// <c>Customers</c>), so each call or email read the whole table; PostgreSQL plans the two shapes alike. A customer holds
/// a number or an address once (<see cref="Customer"/> keeps them distinct), so the join names each customer once.
/// </summary>
public static class CustomerLookups
{
    public static IQueryable<Customer> WithPhoneNumber(this IQueryable<Customer> customers, string e164) =>
        customers.SelectMany(c => c.PhoneNumbers.Where(p => p.E164 == e164), (c, _) => c);

    public static IQueryable<Customer> WithEmailAddress(this IQueryable<Customer> customers, string address) =>
        customers.SelectMany(c => c.EmailAddresses.Where(e => e.Address == address), (c, _) => c);
}
