using System.Text.RegularExpressions;

namespace Moment.Domain.Cases;

/// <summary>
/// The colleagues an internal note mentions: <c>@</c> and their handle, the part of their work email before the
/// <c>@</c> (<c>@sara.holm</c> for sara.holm@moment.test), which every colleague can read on the staff list and which is
/// unique in an organisation's one mail domain. An <c>@</c> inside a word (an email address, "a@b") is no mention, and
/// a full stop or comma after the handle ends it ("ask @erik.sjo.").
/// </summary>
public static partial class Mentions
{
    public const int HandleMaxLength = 64;

    /// <summary>The handles a text mentions, lower case, each once, in the order they first appear.</summary>
    public static IReadOnlyList<string> Handles(string? text) =>
        text is null ? [] : [.. Handle().Matches(text).Select(m => m.Groups["handle"].Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    /// <summary>A person's handle, from their work email address.</summary>
    public static string HandleOf(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return (at < 0 ? email : email[..at]).ToLowerInvariant();
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+\-@])@(?<handle>[\p{L}\p{N}](?:[\p{L}\p{N}._\-]{0,62}[\p{L}\p{N}])?)")]
    private static partial Regex Handle();
}
