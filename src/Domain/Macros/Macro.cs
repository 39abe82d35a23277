namespace Moment.Domain.Macros;

/// <summary>The language a canned reply is written in; the case page offers the reader's own first.</summary>
public enum MacroLanguage
{
    Swedish,
    English,
}

/// <summary>
/// What the reply box does with a canned reply's text: a small, safe set, and nothing is saved before the agent presses
/// Save. The same rules apply as to text typed by hand (a proposal is the owner's, on an open case).
/// </summary>
public enum MacroUse
{
    /// <summary>An internal note for colleagues.</summary>
    InternalNote,

    /// <summary>A reply the customer reads on their page (ticks "the customer sees this").</summary>
    PublicReply,

    /// <summary>The text is proposed as the case's resolution: the customer is asked whether it is solved.</summary>
    ProposeResolution,
}

/// <summary>
/// A canned reply ("makro"): a text an agent inserts into the reply box instead of typing it again, with placeholders
/// that are filled in from the case (<see cref="MacroText"/>). It belongs either to one person (personal) or to a team
/// (every member uses it, its team lead keeps it), never both.
/// </summary>
public sealed class Macro
{
    public const int NameMaxLength = 80;
    public const int BodyMaxLength = 4000;

    private Macro()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>A short name, what the agent types after <c>/</c> in the reply box to find it ("tack", "lösenord").</summary>
    public string Name { get; private set; } = "";

    /// <summary>The text, with placeholders such as <c>{förnamn}</c> or <c>{first name}</c>.</summary>
    public string Body { get; private set; } = "";

    public MacroLanguage Language { get; private set; }

    public MacroUse Use { get; private set; }

    /// <summary>The person whose own macro it is; null for a team's.</summary>
    public Guid? OwnerId { get; private set; }

    /// <summary>The team whose macro it is; null for a person's own.</summary>
    public Guid? TeamId { get; private set; }

    public Guid CreatedById { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Bumped by every change: two people saving at once are told, not overwritten.</summary>
    public int Version { get; private set; }

    public bool IsPersonal => OwnerId is not null;

    /// <summary>A person's own canned reply.</summary>
    public static Macro Personal(Guid ownerId, MacroContent content, DateTimeOffset now) =>
        Create(content, ownerId, null, ownerId, now);

    /// <summary>A team's canned reply, written by <paramref name="createdById"/> (its team lead, a manager).</summary>
    public static Macro ForTeam(Guid teamId, Guid createdById, MacroContent content, DateTimeOffset now) =>
        Create(content, null, teamId, createdById, now);

    public void Revise(MacroContent content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        (Name, Body, Language, Use) = content.Checked();
        UpdatedAt = now;
        Version++;
    }

    private static Macro Create(MacroContent content, Guid? ownerId, Guid? teamId, Guid createdById, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var macro = new Macro { Id = Guid.CreateVersion7(), OwnerId = ownerId, TeamId = teamId, CreatedById = createdById };
        macro.Revise(content, now);
        macro.Version = 1;
        return macro;
    }
}

/// <summary>What a person writes for a canned reply; <see cref="Checked"/> applies the rules, naming the field at fault.</summary>
public sealed record MacroContent(string? Name, string? Body, MacroLanguage? Language, MacroUse? Use)
{
    public (string Name, string Body, MacroLanguage Language, MacroUse Use) Checked()
    {
        var name = Text.Required(Name, "Name", Macro.NameMaxLength);
        if (name.Any(char.IsWhiteSpace))
            throw new DomainRuleException("A macro's name is one word (it is typed after / in the reply box), such as \"thanks\" or \"password-reset\".", "Name");
        var body = Text.Required(Body, "Body", Macro.BodyMaxLength);
        MacroText.RequireKnownPlaceholders(body);
        var language = Language ?? throw new DomainRuleException("{0} is required.", "Language", "Language");
        if (!Enum.IsDefined(language))
            throw new DomainRuleException("{0} is required.", "Language", "Language");
        var use = Use ?? MacroUse.PublicReply;
        if (!Enum.IsDefined(use))
            throw new DomainRuleException("A macro is used as an internal note, a public reply or a proposed resolution.", "Use");
        return (name, body, language, use);
    }
}
