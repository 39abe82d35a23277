namespace Moment.Domain;

/// <summary>
/// Thrown when a request would break one of the product's rules (an empty team name, a case offered to its own owner).
/// The message is written for the person who made the request; <see cref="Field"/> names the input at fault, when there is one.
/// </summary>
public sealed class DomainRuleException(string format, string? field = null, params object?[] arguments) : RefusalException(format, arguments)
{
    public string? Field { get; } = field;
}
