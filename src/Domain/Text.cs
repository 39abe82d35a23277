namespace Moment.Domain;

/// <summary>
/// Checks for the free-text fields every entity has: required, trimmed, and not longer than the column holds.
/// The field's name is in the message, and is a word a page translates (Subject, Summary, Reason).
/// </summary>
public static class Text
{
    /// <summary>The longest email address there can be (RFC 5321's limit on a path), for every field that takes one.</summary>
    public const int EmailMaxLength = 254;

    public static string Required(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new DomainRuleException("{0} is required.", field, field);
        return MaxLength(trimmed, field, maxLength);
    }

    public static string? Optional(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : MaxLength(trimmed, field, maxLength);
    }

    private static string MaxLength(string value, string field, int maxLength) =>
        value.Length <= maxLength
            ? value
            : throw new DomainRuleException("{0} may be at most {1} characters.", field, field, maxLength);
}
