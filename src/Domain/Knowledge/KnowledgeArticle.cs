namespace Moment.Domain.Knowledge;

/// <summary>
/// A knowledge article: an answer staff (and, when public, customers) can find, in Swedish or English. A translation
/// is an article of its own, linked to its original, so each language has its own owner, wording and review date.
/// Every save is a new <see cref="KnowledgeArticleVersion"/>: the article holds the current text, the versions hold
/// who changed what and when.
/// </summary>
public sealed class KnowledgeArticle
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 50_000;

    private KnowledgeArticle(Guid id, ArticleLanguage language, Guid? originalId, string title, string body,
        ArticleVisibility visibility, Guid ownerId, DateOnly reviewBy, DateTimeOffset createdAt)
    {
        Id = id;
        Language = language;
        OriginalId = originalId;
        Title = title;
        Body = body;
        Visibility = visibility;
        OwnerId = ownerId;
        ReviewBy = reviewBy;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public ArticleLanguage Language { get; private set; }

    /// <summary>The article this one translates, or null for an original.</summary>
    public Guid? OriginalId { get; private set; }

    public string Title { get; private set; }

    /// <summary>Markdown; rendered with raw HTML disabled.</summary>
    public string Body { get; private set; }

    public ArticleVisibility Visibility { get; private set; }

    /// <summary>Who answers for the article being right, and is reminded when its review is due.</summary>
    public Guid OwnerId { get; private set; }

    /// <summary>The day by which the owner should have checked the article again.</summary>
    public DateOnly ReviewBy { get; private set; }

    /// <summary>The number of the current version (1 for a new article).</summary>
    public int Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsPublic => Visibility == ArticleVisibility.Public;

    public static (KnowledgeArticle Article, KnowledgeArticleVersion Version) Write(ArticleLanguage language, string? title, string? body,
        ArticleVisibility visibility, Guid ownerId, DateOnly reviewBy, Guid writerId, DateTimeOffset now, KnowledgeArticle? original = null)
    {
        if (original is not null)
        {
            if (original.OriginalId is not null)
                throw new DomainRuleException("Translate the original article, not a translation of it.", "Original");
            if (original.Language == language)
                throw new DomainRuleException("A translation must be in another language than its original.", "Language");
        }
        var article = new KnowledgeArticle(Guid.CreateVersion7(), CheckLanguage(language), original?.Id,
            Text.Required(title, "Title", TitleMaxLength), Text.Required(body, "Text", BodyMaxLength),
            CheckVisibility(visibility), CheckOwner(ownerId), CheckReviewBy(reviewBy, now), now);
        return (article, article.NewVersion(ArticleChanges.Written, writerId, now));
    }

    /// <summary>Saves a new version; a save that changes nothing is no version at all (null).</summary>
    public KnowledgeArticleVersion? Revise(string? title, string? body, ArticleVisibility visibility, Guid ownerId, DateOnly reviewBy,
        Guid editorId, DateTimeOffset now)
    {
        var newTitle = Text.Required(title, "Title", TitleMaxLength);
        var newBody = Text.Required(body, "Text", BodyMaxLength);
        CheckVisibility(visibility);
        CheckOwner(ownerId);
        var changes = ArticleChanges.None;
        if (newTitle != Title) changes |= ArticleChanges.Title;
        if (newBody != Body) changes |= ArticleChanges.Body;
        if (visibility != Visibility) changes |= ArticleChanges.Visibility;
        if (ownerId != OwnerId) changes |= ArticleChanges.Owner;
        if (reviewBy != ReviewBy)
        {
            CheckReviewBy(reviewBy, now);
            changes |= ArticleChanges.ReviewDate;
        }
        if (changes == ArticleChanges.None)
            return null;
        Title = newTitle;
        Body = newBody;
        Visibility = visibility;
        OwnerId = ownerId;
        ReviewBy = reviewBy;
        UpdatedAt = now;
        return NewVersion(changes, editorId, now);
    }

    /// <summary>Whether the review date has passed on the given day.</summary>
    public bool IsReviewOverdue(DateOnly today) => ReviewBy < today;

    private KnowledgeArticleVersion NewVersion(ArticleChanges changes, Guid editorId, DateTimeOffset now)
    {
        if (editorId == Guid.Empty)
            throw new DomainRuleException("A version must name who changed the article.", "ChangedBy");
        Version++;
        return new KnowledgeArticleVersion(Id, Version, Title, Body, Visibility, changes, editorId, now);
    }

    private static ArticleLanguage CheckLanguage(ArticleLanguage language) =>
        Enum.IsDefined(language) ? language : throw new DomainRuleException("Choose Swedish or English.", "Language");

    private static ArticleVisibility CheckVisibility(ArticleVisibility visibility) =>
        Enum.IsDefined(visibility) ? visibility : throw new DomainRuleException("Choose internal or public.", "Visibility");

    private static Guid CheckOwner(Guid ownerId) =>
        ownerId != Guid.Empty ? ownerId : throw new DomainRuleException("{0} is required.", "Owner", "Owner");

    // A review date in the past would list the article as overdue the moment it is written.
    private static DateOnly CheckReviewBy(DateOnly reviewBy, DateTimeOffset now) =>
        reviewBy >= DateOnly.FromDateTime(now.UtcDateTime)
            ? reviewBy
            : throw new DomainRuleException("The review date must not be in the past.", "ReviewBy");
}
