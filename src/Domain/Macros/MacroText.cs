using System.Text.RegularExpressions;

namespace Moment.Domain.Macros;

/// <summary>What a canned reply's placeholders stand for, on one case.</summary>
/// <param name="CustomerFirstName">The first word of the customer's name as registered ("Margit" of "Margit Andersson").</param>
/// <param name="CaseNumber">The case number, as the customer reads it (M-2026-000123).</param>
/// <param name="OwnerName">The case owner's full name.</param>
/// <param name="CustomerLink">The customer's link to their case page (no sign-in).</param>
public sealed record MacroValues(string CustomerFirstName, string CaseNumber, string OwnerName, string CustomerLink);

/// <summary>
/// The placeholders of canned replies, in curly brackets, each with a Swedish and an English name so that a macro reads
/// naturally in its own language: <c>{förnamn}</c>/<c>{first name}</c>, <c>{ärendenummer}</c>/<c>{case number}</c>,
/// <c>{ansvarig}</c>/<c>{owner}</c>, <c>{länk}</c>/<c>{link}</c>. Case and spaces inside the brackets do not matter.
/// An unknown placeholder is refused when the macro is saved, so that no customer ever reads "{fornamn}".
/// </summary>
public static partial class MacroText
{
    private static readonly Dictionary<string, Func<MacroValues, string>> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["förnamn"] = v => v.CustomerFirstName,
        ["first name"] = v => v.CustomerFirstName,
        ["ärendenummer"] = v => v.CaseNumber,
        ["case number"] = v => v.CaseNumber,
        ["ansvarig"] = v => v.OwnerName,
        ["owner"] = v => v.OwnerName,
        ["länk"] = v => v.CustomerLink,
        ["link"] = v => v.CustomerLink,
    };

    /// <summary>Every placeholder's name, Swedish first, for the help text of the page that edits macros.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Placeholders.Keys.Select(name => $"{{{name}}}")];

    /// <summary>The first word of a name: what a letter says after "Hej".</summary>
    public static string FirstName(string fullName) =>
        fullName.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : fullName.Trim();

    public static void RequireKnownPlaceholders(string body)
    {
        foreach (Match match in Placeholder().Matches(body))
        {
            if (!Placeholders.ContainsKey(Key(match)))
                throw new DomainRuleException("The text has an unknown placeholder {0}. Use {1}.", "Body", match.Value, string.Join(", ", Names));
        }
    }

    /// <summary>The text with its placeholders filled in from the case; anything else in brackets stays as written.</summary>
    public static string Fill(string body, MacroValues values)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(body, match => Placeholders.TryGetValue(Key(match), out var value) ? value(values) : match.Value);
    }

    private static string Key(Match match) =>
        string.Join(' ', match.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"\{(?<name>[\p{L}\p{N} _-]{1,40})\}")]
    private static partial Regex Placeholder();
}
