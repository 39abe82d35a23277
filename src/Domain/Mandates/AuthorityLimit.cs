namespace Moment.Domain.Mandates;

/// <summary>
/// How much of one kind someone may give a customer without asking anyone: an amount in whole kronor (SEK) per case
/// and per calendar month. Set for a role, or for one person as an exception, which then replaces what their roles give
/// them for that kind (up or down: a new employee may be given less than the role).
/// </summary>
public sealed class AuthorityLimit
{
    /// <summary>A ceiling that no typing slip can pass: ten million kronor.</summary>
    public const int MaxAmount = 10_000_000;

    public const int RoleMaxLength = 32;

    private AuthorityLimit()
    {
    }

    public Guid Id { get; private set; }

    public MandateKind Kind { get; private set; }

    /// <summary>The role the limit is for; null for a person's exception.</summary>
    public string? Role { get; private set; }

    /// <summary>The person the exception is for; null for a role's limit.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>Kronor one person may give on one case, all their uses of this kind on it together.</summary>
    public int PerCase { get; private set; }

    /// <summary>Kronor one person may give in a calendar month, all cases together.</summary>
    public int PerMonth { get; private set; }

    public Guid SetById { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    public static AuthorityLimit ForRole(string role, MandateKind kind, int perCase, int perMonth, Guid setById, DateTimeOffset now)
    {
        var limit = new AuthorityLimit { Id = Guid.CreateVersion7(), Kind = CheckKind(kind), Role = Text.Required(role, "Role", RoleMaxLength) };
        limit.Set(perCase, perMonth, setById, now);
        return limit;
    }

    public static AuthorityLimit ForPerson(Guid userId, MandateKind kind, int perCase, int perMonth, Guid setById, DateTimeOffset now)
    {
        var limit = new AuthorityLimit { Id = Guid.CreateVersion7(), Kind = CheckKind(kind), UserId = userId };
        limit.Set(perCase, perMonth, setById, now);
        return limit;
    }

    public void Set(int perCase, int perMonth, Guid setById, DateTimeOffset now)
    {
        if (perCase is < 0 or > MaxAmount)
            throw new DomainRuleException("A limit per case is 0 to {0} kronor.", "PerCase", MaxAmount);
        if (perMonth is < 0 or > MaxAmount)
            throw new DomainRuleException("A limit per month is 0 to {0} kronor.", "PerMonth", MaxAmount);
        if (perCase > perMonth)
            throw new DomainRuleException("The limit per case cannot be above the limit per month.", "PerCase");
        PerCase = perCase;
        PerMonth = perMonth;
        SetById = setById;
        SetAt = now;
    }

    private static MandateKind CheckKind(MandateKind kind) =>
        Enum.IsDefined(kind) ? kind : throw new DomainRuleException("Choose what kind of mandate it is.", "Kind");
}
