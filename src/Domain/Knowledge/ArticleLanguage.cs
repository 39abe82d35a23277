namespace Moment.Domain.Knowledge;

/// <summary>The languages Moment's knowledge articles are written in; each is searched with its own stemming.</summary>
public enum ArticleLanguage
{
    Swedish,
    English,
}
