namespace Moment.Domain.Queues;

/// <summary>
/// A set of skills, each a short lower-case word: a language ("sv", "en") or a product area ("billing", "broadband").
/// An agent may answer a contact when the agent has every skill the contact needs.
/// </summary>
public sealed record Skills
{
    public const int SkillMaxLength = 30;

    public const int MaxSkills = 20;

    private readonly string[] _words;

    private Skills(string[] words) => _words = words;

    public static Skills None { get; } = new([]);

    public IReadOnlyList<string> Words => _words;

    /// <summary>Reads "sv, billing" or "sv billing"; refuses a skill that is not a short word.</summary>
    public static Skills Parse(string? text)
    {
        var words = (text ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (words.Length > MaxSkills)
            throw new DomainRuleException("At most {0} skills.", "Skills", MaxSkills);
        foreach (var word in words)
        {
            if (word.Length > SkillMaxLength || !word.All(c => char.IsLetterOrDigit(c) || c is '-' or '_'))
                throw new DomainRuleException("A skill is one word of letters, digits and hyphens, at most {0} characters: {1}", "Skills", SkillMaxLength, word);
        }

        return new Skills(words);
    }

    public static Skills Of(params string[] words) => Parse(string.Join(',', words));

    public bool Covers(Skills needed) => needed._words.All(w => Array.BinarySearch(_words, w, StringComparer.Ordinal) >= 0);

    public Skills With(Skills more) => Parse(string.Join(',', _words.Concat(more._words)));

    public override string ToString() => string.Join(',', _words);

    public bool Equals(Skills? other) => other is not null && _words.AsSpan().SequenceEqual(other._words);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
