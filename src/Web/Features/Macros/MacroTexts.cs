using Microsoft.Extensions.Localization;
using Moment.Domain.Macros;

namespace Moment.Web.Features.Macros;

/// <summary>The words the pages show for a canned reply's language and use, in the reader's language.</summary>
internal static class MacroTexts
{
    public static string Name(this MacroLanguage language, IStringLocalizer L) => language switch
    {
        MacroLanguage.Swedish => L["Swedish"],
        MacroLanguage.English => L["English"],
    };

    public static string Name(this MacroUse use, IStringLocalizer L) => use switch
    {
        MacroUse.InternalNote => L["Internal note"],
        MacroUse.PublicReply => L["Reply to the customer"],
        MacroUse.ProposeResolution => L["Proposed resolution"],
    };

    /// <summary>The reader's own language's macros come first on the case page.</summary>
    public static MacroLanguage Of(System.Globalization.CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "sv" ? MacroLanguage.Swedish : MacroLanguage.English;
}
