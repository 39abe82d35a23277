using Moment.Domain.Knowledge;

namespace Moment.Application.Knowledge;

/// <summary>An article in a list: enough to choose it.</summary>
public sealed record ArticleSummary(Guid Id, ArticleLanguage Language, string Title, ArticleVisibility Visibility, Guid OwnerId, string Owner,
    DateOnly ReviewBy, int Version, DateTimeOffset UpdatedAt, Guid? OriginalId);

/// <summary>One version in an article's history: what it changed, who and when.</summary>
public sealed record ArticleVersionView(int Number, string Title, ArticleVisibility Visibility, ArticleChanges Changes, Guid ChangedById,
    string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>The article and its other languages (the original and its translations).</summary>
public sealed record ArticleLink(Guid Id, ArticleLanguage Language, string Title, ArticleVisibility Visibility);

/// <summary>An article to read or edit: its Markdown, the safe HTML of it, its other languages and its history (newest first).</summary>
public sealed record ArticleDetails(
    Guid Id,
    ArticleLanguage Language,
    string Title,
    string Body,
    string Html,
    ArticleVisibility Visibility,
    Guid OwnerId,
    string Owner,
    DateOnly ReviewBy,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? OriginalId,
    IReadOnlyList<ArticleLink> OtherLanguages,
    IReadOnlyList<ArticleVersionView> Versions);
