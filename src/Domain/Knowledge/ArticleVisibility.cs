namespace Moment.Domain.Knowledge;

/// <summary>Who reads an article: staff only, or also customers on the public knowledge page and in suggestions to them.</summary>
public enum ArticleVisibility
{
    Internal,
    Public,
}
