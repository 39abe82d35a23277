using System.Globalization;
using Microsoft.Extensions.Localization;
using Moment.Domain.Mandates;

namespace Moment.Web.Features.Mandates;

/// <summary>The words the pages show for a kind of mandate, and kronor, in the reader's language.</summary>
internal static class MandateTexts
{
    public static string Name(this MandateKind kind, IStringLocalizer L) => kind switch
    {
        MandateKind.GoodwillCompensation => L["Goodwill compensation"],
        MandateKind.Refund => L["Refund"],
        MandateKind.FeeWaiver => L["Fee waiver"],
        MandateKind.ReplacementProduct => L["Replacement product"],
        MandateKind.TechnicianVisit => L["Technician visit"],
        MandateKind.FreeForm => L["Something else"],
    };

    public static string Kronor(int amount) => amount.ToString("#,0", CultureInfo.CurrentCulture) + " kr";
}
