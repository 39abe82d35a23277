using System.Globalization;

namespace Moment.Domain;

/// <summary>
/// A request Moment refuses, with a message for the person who made it. The message is kept as an English composite
/// format ("There is no case {0}.") and its arguments, so that a page can say it in the reader's language: the English
/// format is the resource key, as for every other text. <see cref="Exception.Message"/> is the English sentence, for
/// the API and the log. A format is always a literal at the throw: a message pieced together cannot be translated.
/// An argument may itself be a refusal ("Case {0}: {1}", when one of many cases is refused): it is said by its message.
/// </summary>
public abstract class RefusalException(string format, IReadOnlyList<object?> arguments)
    : Exception(arguments.Count == 0 ? format
        : string.Format(CultureInfo.InvariantCulture, format, [.. arguments.Select(argument => argument is RefusalException inner ? inner.Message : argument)]))
{
    public string MessageFormat { get; } = format;

    public IReadOnlyList<object?> MessageArguments { get; } = arguments;
}
