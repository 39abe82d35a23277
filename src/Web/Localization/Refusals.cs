using Microsoft.Extensions.Localization;
using Moment.Domain;

namespace Moment.Web.Localization;

/// <summary>What a page says when a use case refuses a request, in the reader's language.</summary>
internal static class Refusals
{
    /// <summary>
    /// The refusal's English format is the resource key, like every other text on the pages; its arguments are values
    /// (a case number, a count), except the name of the field at fault, which is a word of the page (Subject, Summary)
    /// and is translated too. Every format that Domain and Application can throw has a Swedish translation, which a test keeps.
    /// </summary>
    public static string Say(this IStringLocalizer L, RefusalException refusal)
    {
        var field = (refusal as DomainRuleException)?.Field;
        var arguments = refusal.MessageArguments
            .Select(argument => field is not null && argument is string word && word == field ? L[word].Value : argument ?? "")
            .ToArray();
        return L[refusal.MessageFormat, arguments];
    }
}
