namespace Moment.Domain.Mandates;

/// <summary>What one person may give of one kind: kronor per case and per calendar month.</summary>
public sealed record MandateLimit(MandateKind Kind, int PerCase, int PerMonth);

/// <summary>Whether a use is within the person's own mandate, and if not, which limit it passes.</summary>
public enum MandateVerdict
{
    Within,
    AbovePerCase,
    AbovePerMonth,

    /// <summary>They have no mandate of this kind at all (no limit, or a limit of 0).</summary>
    None,
}

/// <summary>
/// The mandate rules (principle 4), pure: a person's limit for a kind is their own exception when they have one, else
/// the most generous of their roles' limits; a use is within the mandate when it, with what they already gave of that
/// kind on the case and in the month, stays within both limits.
/// </summary>
public static class Mandate
{
    public static MandateLimit? LimitOf(MandateKind kind, Guid userId, IEnumerable<string> roles, IEnumerable<AuthorityLimit> limits)
    {
        var ofKind = limits.Where(l => l.Kind == kind).ToList();
        if (ofKind.FirstOrDefault(l => l.UserId == userId) is { } exception)
            return new MandateLimit(kind, exception.PerCase, exception.PerMonth);
        var byRole = ofKind.Where(l => l.Role is not null && roles.Contains(l.Role, StringComparer.Ordinal)).ToList();
        return byRole.Count == 0 ? null : new MandateLimit(kind, byRole.Max(l => l.PerCase), byRole.Max(l => l.PerMonth));
    }

    public static MandateVerdict Check(MandateLimit? limit, int amount, int givenOnCase, int givenThisMonth)
    {
        if (amount is <= 0 or > AuthorityLimit.MaxAmount)
            throw new DomainRuleException("The amount is 1 to {0} kronor.", "Amount", AuthorityLimit.MaxAmount);
        if (limit is null || limit.PerCase == 0 || limit.PerMonth == 0)
            return MandateVerdict.None;
        if (givenOnCase + amount > limit.PerCase)
            return MandateVerdict.AbovePerCase;
        if (givenThisMonth + amount > limit.PerMonth)
            return MandateVerdict.AbovePerMonth;
        return MandateVerdict.Within;
    }
}
