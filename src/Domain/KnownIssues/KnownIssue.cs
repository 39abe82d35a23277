namespace Moment.Domain.KnownIssues;

/// <summary>Where a known issue stands, as frontline staff tell the customer.</summary>
public enum KnownIssueStatus
{
    /// <summary>We know of it and are finding out why; no workaround yet.</summary>
    Investigating,

    /// <summary>Not fixed, but there is a way round it that staff can tell the customer.</summary>
    Workaround,

    /// <summary>Fixed. Every customer whose case is linked is due a message saying so.</summary>
    Fixed,
}

/// <summary>
/// A fault of the company's own that customers run into ("the booking app closes when you choose a seat on Android 14"),
/// registered once so that every person who meets a customer knows of it (principle 5): its symptoms, a workaround staff
/// can tell, when a fix is expected, and the words customers may read. Cases it causes are linked to it, which counts
/// the failure demand (contacts caused by the company's own failure). Once fixed it stays fixed: a new fault is a new issue.
/// </summary>
public sealed class KnownIssue
{
    public const int TitleMaxLength = 200;
    public const int ProductMaxLength = 100;
    public const int SymptomsMaxLength = 2000;
    public const int WorkaroundMaxLength = 2000;
    public const int PublicWordingMaxLength = 2000;

    private KnownIssue()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The product or area it is in ("Booking app", "Broadband"), the first thing matched against a case.</summary>
    public string Product { get; private set; } = "";

    /// <summary>What the customer notices, in the words staff hear: what cases are matched against.</summary>
    public string Symptoms { get; private set; } = "";

    /// <summary>What staff can tell the customer to do meanwhile; none while investigating.</summary>
    public string? Workaround { get; private set; }

    public KnownIssueStatus Status { get; private set; }

    /// <summary>When the fix is expected, when someone dares say.</summary>
    public DateOnly? ExpectedFixOn { get; private set; }

    /// <summary>What a customer may read about it (the case page, the message when it is fixed). Staff wording stays inside.</summary>
    public string? PublicWording { get; private set; }

    public Guid RegisteredById { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? FixedAt { get; private set; }

    /// <summary>Bumped by every change: two people saving at once are told, not overwritten.</summary>
    public int Version { get; private set; }

    public bool IsActive => Status != KnownIssueStatus.Fixed;

    public static KnownIssue Register(KnownIssueText text, Guid registeredById, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var issue = new KnownIssue { Id = Guid.CreateVersion7(), RegisteredById = registeredById, RegisteredAt = now, Status = KnownIssueStatus.Investigating };
        issue.Apply(text, now);
        return issue;
    }

    /// <summary>Changes what is said about it and where it stands, short of fixed (<see cref="MarkFixed"/> says that).</summary>
    public void Revise(KnownIssueText text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Status == KnownIssueStatus.Fixed)
            throw new ConflictException("The known issue “{0}” is fixed; register a new one if it is back.", Title);
        Apply(text, now);
    }

    /// <summary>Fixed: from now on it is not shown as active, and every linked customer is due a message (the application makes the promises).</summary>
    public void MarkFixed(DateTimeOffset now)
    {
        if (Status == KnownIssueStatus.Fixed)
            throw new ConflictException("The known issue “{0}” is already fixed.", Title);
        Status = KnownIssueStatus.Fixed;
        FixedAt = now;
        UpdatedAt = now;
        Version++;
    }

    private void Apply(KnownIssueText text, DateTimeOffset now)
    {
        if (text.Status is not (KnownIssueStatus.Investigating or KnownIssueStatus.Workaround))
            throw new DomainRuleException("A known issue is investigated or has a workaround; mark it fixed when it is.", "Status");
        var workaround = Text.Optional(text.Workaround, "Workaround", WorkaroundMaxLength);
        if (text.Status == KnownIssueStatus.Workaround && workaround is null)
            throw new DomainRuleException("Say what the workaround is.", "Workaround");
        var title = Text.Required(text.Title, "Title", TitleMaxLength);
        var product = Text.Required(text.Product, "Product", ProductMaxLength);
        var symptoms = Text.Required(text.Symptoms, "Symptoms", SymptomsMaxLength);
        var publicWording = Text.Optional(text.PublicWording, "PublicWording", PublicWordingMaxLength);
        Title = title;
        Product = product;
        Symptoms = symptoms;
        Workaround = workaround;
        Status = text.Status;
        ExpectedFixOn = text.ExpectedFixOn;
        PublicWording = publicWording;
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>What is said about a known issue, as registered or revised.</summary>
public sealed record KnownIssueText(
    string? Title,
    string? Product,
    string? Symptoms,
    string? Workaround,
    KnownIssueStatus Status,
    DateOnly? ExpectedFixOn,
    string? PublicWording);
