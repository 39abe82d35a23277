using Moment.Domain;

namespace Moment.Application.Staffing;

/// <summary>The staffing library writes its input errors as lower-case clauses; people read sentences.</summary>
internal static class StaffingMessages
{
    /// <summary>
    /// The library's own words, which are English only, passed on as they are ("{0}"). The rules in Domain catch every
    /// input a page can send before the library sees it, so these reach only the API and the command line.
    /// </summary>
    public static DomainRuleException Refusal(Exception input, string? field) => new("{0}", field, Sentence(input.Message));

    public static string Sentence(string message)
    {
        if (message.Length == 0)
            return message;
        var sentence = char.ToUpperInvariant(message[0]) + message[1..];
        return sentence.EndsWith('.') ? sentence : sentence + ".";
    }
}
