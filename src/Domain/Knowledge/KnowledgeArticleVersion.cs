namespace Moment.Domain.Knowledge;

/// <summary>One saved version of an article: its text then, what the save changed, who saved it and when. Never changed.</summary>
public sealed class KnowledgeArticleVersion
{
    internal KnowledgeArticleVersion(Guid articleId, int number, string title, string body, ArticleVisibility visibility,
        ArticleChanges changes, Guid changedById, DateTimeOffset changedAt)
    {
        Id = Guid.CreateVersion7();
        ArticleId = articleId;
        Number = number;
        Title = title;
        Body = body;
        Visibility = visibility;
        Changes = changes;
        ChangedById = changedById;
        ChangedAt = changedAt;
    }

    public Guid Id { get; private set; }

    public Guid ArticleId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    public ArticleVisibility Visibility { get; private set; }

    public ArticleChanges Changes { get; private set; }

    public Guid ChangedById { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }
}
