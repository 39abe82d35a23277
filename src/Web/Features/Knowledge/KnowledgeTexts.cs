using System.Globalization;
using Microsoft.Extensions.Localization;
using Moment.Domain.Knowledge;

namespace Moment.Web.Features.Knowledge;

/// <summary>The words the knowledge pages show for a language, a visibility and what a version changed, in the reader's language.</summary>
internal static class KnowledgeTexts
{
    public static string Name(this ArticleLanguage language, IStringLocalizer L) => language switch
    {
        ArticleLanguage.Swedish => L["Swedish"],
        ArticleLanguage.English => L["English"],
    };

    public static string Name(this ArticleVisibility visibility, IStringLocalizer L) => visibility switch
    {
        ArticleVisibility.Internal => L["Internal"],
        ArticleVisibility.Public => L["Public"],
    };

    public static string Describe(this ArticleChanges changes, IStringLocalizer L)
    {
        if (changes == ArticleChanges.Written)
            return L["Written"];
        var parts = new List<string>();
        if (changes.HasFlag(ArticleChanges.Title)) parts.Add(L["the title"]);
        if (changes.HasFlag(ArticleChanges.Body)) parts.Add(L["the text"]);
        if (changes.HasFlag(ArticleChanges.Visibility)) parts.Add(L["the visibility"]);
        if (changes.HasFlag(ArticleChanges.Owner)) parts.Add(L["the owner"]);
        if (changes.HasFlag(ArticleChanges.ReviewDate)) parts.Add(L["the review date"]);
        return string.Join(", ", parts);
    }

    /// <summary>The language the reader reads the pages in, for which articles to offer them first.</summary>
    public static ArticleLanguage ReadersLanguage() =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? ArticleLanguage.English : ArticleLanguage.Swedish;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
