using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Customers;

namespace Moment.Application.Customers;

/// <summary>
/// Finds customers by what the person at the door has: a name (or part of it), a phone number in any common notation,
/// an email address, or a case number. A search needs something to search for: a query that matches everyone (an
/// empty one, or "%") is refused, and the text is matched as written, never as a pattern.
/// </summary>
/// <remarks>
/// Contact details are for staff who serve customers (<see cref="Staff.StaffRoles.ServingCustomers"/>). Others
/// (leadership) find customers by name or case number and see names only; searching by a phone number or an email
/// address would tell them whose it is, so they may not.
/// </remarks>
public sealed class FindCustomers(AppDbContext db)
{
    public const int MaxResults = 50;

    /// <summary>As long as the longest email address, the longest thing one searches by.</summary>
    public const int QueryMaxLength = Text.EmailMaxLength;

    /// <summary>Two letters of a name narrow the search; one letter (or none: "%") would list nearly every customer.</summary>
    public const int QueryMinLettersOrDigits = 2;

    private const string LikeEscape = "\\";

    public async Task<CustomerSummary?> ByIdAsync(Guid id, bool withContactDetails, CancellationToken cancellationToken = default) =>
        (await LoadAsync(db.Customers.Where(c => c.Id == id), withContactDetails, cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<CustomerSummary>> HandleAsync(string? query, bool withContactDetails, CancellationToken cancellationToken = default)
    {
        var text = Text.Optional(query, "query", QueryMaxLength) ?? "";
        if (text.Count(char.IsLetterOrDigit) < QueryMinLettersOrDigits)
            throw new DomainRuleException(
                "Search with at least {0} letters or digits: part of a name, a phone number, an email address or a case number.", "query", QueryMinLettersOrDigits);

        var customers = db.Customers.AsQueryable();
        IQueryable<Customer> matches;
        if (text.StartsWith("M-", StringComparison.OrdinalIgnoreCase))
        {
            var number = text.ToUpperInvariant();
            matches = customers.Where(c => db.Cases.Any(k => k.CustomerId == c.Id && k.Number == number));
        }
        else if (text.Contains('@', StringComparison.Ordinal))
        {
            RequireContactDetails(withContactDetails);
            var email = text.ToLowerInvariant();
            matches = customers.WithEmailAddress(email);
        }
        else if (LooksLikeANumber(text) && PhoneNumbers.TryNormalize(text) is { } e164 && text.Count(char.IsAsciiDigit) >= 5)
        {
            RequireContactDetails(withContactDetails);
            // A number's start finds the longer numbers it begins too: "08-917 53" is a whole Stockholm number, and also
            // how one reads the first digits of 08-917 53 46.
            var start = e164 + "%";
            matches = customers.Where(c => c.PhoneNumbers.Any(p => EF.Functions.Like(p.E164, start)));
        }
        else if (PartOfANumber(text) is { } digits)
        {
            // Part of a number, as people say it: "0812345" (a number's start, with its leading 0), "45 67" (its end), or
            // "000002" (a case number's end). Staff who serve customers find both; others only the case.
            var caseNumber = "%" + digits + "%";
            if (withContactDetails)
            {
                var phone = "%" + (digits.StartsWith('0') ? "46" + digits[1..] : digits) + "%";
                matches = customers.Where(c => c.PhoneNumbers.Any(p => EF.Functions.Like(p.E164, phone))
                    || db.Cases.Any(k => k.CustomerId == c.Id && EF.Functions.Like(k.Number, caseNumber)));
            }
            else
            {
                matches = customers.Where(c => db.Cases.Any(k => k.CustomerId == c.Id && EF.Functions.Like(k.Number, caseNumber)));
            }
        }
        else
        {
            // Both sides lower-cased in .NET: SQLite's own lower() knows only ASCII, and Swedish names do not.
            // The query's own % and _ are escaped: "%" is a name nobody has, not "every customer". Each word on its own,
            // so that "andersson margit" finds "Margit Andersson", as people say names both ways.
            matches = customers;
            foreach (var word in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct())
            {
                var pattern = "%" + EscapeLike(word) + "%";
                matches = matches.Where(c => EF.Functions.Like(c.SearchName, pattern, LikeEscape));
            }
        }

        // The match first, then the found customers by id: the numbers and addresses load in queries of their own (below),
        // and each would otherwise search the customers again (three searches of a million names instead of one).
        var found = await matches.OrderBy(c => c.Name).Take(MaxResults).Select(c => c.Id).ToListAsync(cancellationToken);
        if (found.Count == 0)
            return [];
        var loaded = await LoadAsync(db.Customers.Where(c => found.Contains(c.Id)), withContactDetails, cancellationToken);
        return [.. loaded.OrderBy(c => found.IndexOf(c.Id))];
    }

    /// <summary>Digits as numbers are written (spaces, dashes, brackets, a plus), and nothing else: "Svensson 2" is a name.</summary>
    private static bool LooksLikeANumber(string text) => text.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')' or '/');

    /// <summary>The digits of a query that is nothing but part of a number (at least four digits); else null.</summary>
    private static string? PartOfANumber(string text) =>
        LooksLikeANumber(text) && text.Count(char.IsAsciiDigit) is >= 4 and <= 15 ? new string([.. text.Where(char.IsAsciiDigit)]) : null;

    private static string EscapeLike(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    private static void RequireContactDetails(bool withContactDetails)
    {
        if (!withContactDetails)
            throw new ForbiddenException("Only staff who serve customers can find a customer by phone number or email address. Search by name or case number.");
    }

    /// <summary>
    /// Names only without contact details. With them, the numbers and the addresses each in a query of their own: in one
    /// query they would be joined, every number with every address (20 of each are 400 rows a customer).
    /// </summary>
    private static async Task<IReadOnlyList<CustomerSummary>> LoadAsync(IQueryable<Customer> customers, bool withContactDetails, CancellationToken cancellationToken)
    {
        if (!withContactDetails)
        {
            var names = await customers.Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
            return [.. names.Select(c => new CustomerSummary(c.Id, c.Name, [], [], null, null))];
        }

        var found = await customers.AsNoTracking().AsSplitQuery().ToListAsync(cancellationToken);
        return [.. found.Select(CustomerSummary.Of)];
    }
}
