using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;

namespace Moment.Application.Customers;

/// <summary>
/// Finds customers by what the person at the door has: a name (or part of it), a phone number in any common notation,
/// an email address, or a case number.
/// </summary>
public sealed class FindCustomers(AppDbContext db)
{
    public const int MaxResults = 50;

    public async Task<CustomerSummary?> ByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } customer
            ? CustomerSummary.Of(customer)
            : null;

    public async Task<IReadOnlyList<CustomerSummary>> HandleAsync(string? query, CancellationToken cancellationToken = default)
    {
        var text = query?.Trim() ?? "";
        if (text.Length == 0)
            return [];

        var customers = db.Customers.AsNoTracking();
        IQueryable<Domain.Customers.Customer> matches;
        if (text.StartsWith("M-", StringComparison.OrdinalIgnoreCase))
        {
            var number = text.ToUpperInvariant();
            matches = customers.Where(c => db.Cases.Any(k => k.CustomerId == c.Id && k.Number == number));
        }
        else if (text.Contains('@', StringComparison.Ordinal))
        {
            var email = text.ToLowerInvariant();
            matches = customers.Where(c => c.EmailAddresses.Any(e => e.Address == email));
        }
        else if (PhoneNumbers.TryNormalize(text) is { } e164 && text.Count(char.IsAsciiDigit) >= 5)
        {
            matches = customers.Where(c => c.PhoneNumbers.Any(p => p.E164 == e164));
        }
        else
        {
            // Both sides lower-cased in .NET: SQLite's own lower() knows only ASCII, and Swedish names do not.
            var pattern = "%" + text.ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
            matches = customers.Where(c => EF.Functions.Like(c.SearchName, pattern));
        }

        var found = await matches.OrderBy(c => c.Name).Take(MaxResults).ToListAsync(cancellationToken);
        return [.. found.Select(CustomerSummary.Of)];
    }
}
