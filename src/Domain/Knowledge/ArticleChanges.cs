namespace Moment.Domain.Knowledge;

/// <summary>What one version of an article changed, so the history says "who changed what" without a diff.</summary>
[Flags]
public enum ArticleChanges
{
    None = 0,
    Title = 1,
    Body = 2,
    Visibility = 4,
    Owner = 8,
    ReviewDate = 16,

    /// <summary>The first version: everything was written.</summary>
    Written = Title | Body | Visibility | Owner | ReviewDate,
}
