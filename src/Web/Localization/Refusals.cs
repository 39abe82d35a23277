using Microsoft.Extensions.Localization;
using Moment.Domain;

namespace Moment.Web.Localization;

/// <summary>What a page says when a use case refuses a request, in the reader's language.</summary>
internal static class Refusals
{
    /// <summary>
    /// The refusal's English format is the resource key, like every other text on the pages; its arguments are values
    /// (a case number, a count), except the name of the field at fault, which is a word of the page (Subject, Summary)
    /// and is translated too, and a refusal given as an argument (one case of many, named by <c>"Case {0}: {1}"</c>), which
    /// is said in the reader's language in turn. Every format that Domain and Application can throw has a Swedish translation, which a test keeps.
    /// </summary>
    public static string Say(this IStringLocalizer L, RefusalException refusal)
    {
        var field = (refusal as DomainRuleException)?.Field;
        var arguments = refusal.MessageArguments
            .Select(argument => argument switch
            {
                RefusalException inner => L.Say(inner),
                string word when field is not null && word == field => L[FieldWord(word)].Value,
                _ => argument ?? "",
            })
            .ToArray();
        return L[refusal.MessageFormat, arguments];
    }

    /// <summary>
    /// A field's name in the code is not always a word ("DisplayName is required."): these say what the page's label says.
    /// The rest (Subject, Summary, Reason) are words already.
    /// </summary>
    private static string FieldWord(string field) => field switch
    {
        "DisplayName" => "Name",
        "EmailAddresses" => "Email",
        "PhoneNumbers" => "Phone number",
        "PostalAddress" => "Postal address",
        "How" => "How it was kept",
        "What" => "What is promised",
        "Body" => "Text",
        "Use" => "Used as",
        _ => field,
    };
}
