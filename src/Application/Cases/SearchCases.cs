using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Views;
using Moment.Domain.Cases;
using NpgsqlTypes;

namespace Moment.Application.Cases;

/// <summary>
/// Finds cases by the words of their subject and description, most recently changed first: every word of the query must
/// be there, as the start of a word ("rout" finds "routern", "Router"), whatever its case.
/// </summary>
/// <remarks>
/// PostgreSQL: the words of subject and description are a stored <c>tsvector</c> (<c>to_tsvector('simple', …)</c>: lower
/// case, no stemming, as cases are written in Swedish and English alike) with a GIN index, matched by <c>word:* &amp; …</c>,
/// read in two steps (below, and decision 0009).
/// SQLite: the subject and description lower-cased in .NET (<see cref="Fold"/>, registered on each connection; SQLite's own
/// lower() knows only ASCII) and each word looked for anywhere in them; a scan, as SQLite installations are small.
/// </remarks>
public sealed class SearchCases(AppDbContext db, CaseViews views)
{
    public const int MaxResults = 50;
    public const int MaxWords = 8;

    /// <summary>The stored words of a case on PostgreSQL (a shadow property of <see cref="Case"/>).</summary>
    public const string SearchVector = "SearchVector";

    /// <summary>The SQL name of <see cref="Fold"/> on SQLite.</summary>
    public const string FoldFunction = "moment_fold";

    /// <summary>The words a query searches for: runs of letters and digits, two at least, lower-cased, at most <see cref="MaxWords"/>.</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        [.. (query ?? "").ToLowerInvariant()
            .Split([.. (query ?? "").Where(c => !char.IsLetterOrDigit(c)).Distinct()], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 2).Distinct(StringComparer.Ordinal).Take(MaxWords)];

    /// <summary>
    /// Whether what was typed in the desk's one search box is words to look for in cases: it has letters, and is not a
    /// case number ("M-…") or an email address, which <c>FindCustomers</c> finds. A phone number is digits, not words.
    /// </summary>
    public static bool LooksLikeWords(string? query) =>
        query is not null && query.Any(char.IsLetter) && !query.TrimStart().StartsWith("M-", StringComparison.OrdinalIgnoreCase) && !query.Contains('@', StringComparison.Ordinal);

    /// <summary>Lower case as .NET knows it (Å, Ö, É too). Called in SQL on SQLite.</summary>
    public static string Fold(string text) => text.ToLowerInvariant();

    /// <summary>The newest cases a search reads first: a word in one case in a hundred has its 50 among them.</summary>
    public const int RecentWindow = 5_000;

    /// <summary>The most matches a search sorts itself; a word in more cases than this is read newest first to the end.</summary>
    public const int MatchesSortedAtMost = 20_000;

    public async Task<IReadOnlyList<ViewRow>> HandleAsync(string? query, CancellationToken cancellationToken = default)
    {
        var words = Words(query);
        if (words.Count == 0)
            return [];
        var cases = db.Cases.AsNoTracking();
        if (!db.Database.IsNpgsql())
        {
            foreach (var word in words)
                cases = cases.Where(c => Fold(c.Subject + " " + (c.Description ?? "")).Contains(word));
            return await Latest(cases).ToListAsync(cancellationToken);
        }

        // PostgreSQL cannot tell a rare word from a common one (its statistics keep the few hundred commonest words and
        // guess 0.5% for the rest), so it read a million cases newest first looking for a fault code's 100. The search
        // decides instead: a common word has its 50 among the newest cases; a rarer one is all found through the GIN index
        // and sorted here. A word in more cases than that holds is read newest first to its 50th (decision 0009).
        var terms = string.Join(" & ", words.Select(w => w + ":*"));
        var recent = await Latest(Matching(db.Cases.AsNoTracking().OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id).Take(RecentWindow), terms))
            .ToListAsync(cancellationToken);
        if (recent.Count == MaxResults)
            return recent;
        var found = await Matching(cases, terms).Select(c => new { c.Id, c.UpdatedAt }).Take(MatchesSortedAtMost + 1).ToListAsync(cancellationToken);
        if (found.Count > MatchesSortedAtMost)
            return await Latest(Matching(cases, terms)).ToListAsync(cancellationToken);
        var newest = found.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id).Take(MaxResults).Select(c => c.Id).ToList();
        var rows = await views.Rows(cases.Where(c => newest.Contains(c.Id))).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => newest.IndexOf(r.Id))];
    }

    private static IQueryable<Case> Matching(IQueryable<Case> cases, string terms) =>
        cases.Where(c => EF.Property<NpgsqlTsVector>(c, SearchVector).Matches(EF.Functions.ToTsQuery("simple", terms)));

    private IQueryable<ViewRow> Latest(IQueryable<Case> cases) =>
        views.Rows(cases.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id).Take(MaxResults));
}
