namespace Moment.Application.Staffing;

/// <summary>The staffing library writes its input errors as lower-case clauses; people read sentences.</summary>
internal static class StaffingMessages
{
    public static string Sentence(string message)
    {
        if (message.Length == 0)
            return message;
        var sentence = char.ToUpperInvariant(message[0]) + message[1..];
        return sentence.EndsWith('.') ? sentence : sentence + ".";
    }
}
