using Microsoft.Extensions.Localization;
using Moment.Domain.Customers;

namespace Moment.Web.Features.Customers;

/// <summary>The customer's language as the reader's language names it (the customer page and the new case form).</summary>
internal static class CustomerLanguages
{
    public static string Name(IStringLocalizer l, CustomerLanguage? language) => language switch
    {
        CustomerLanguage.Swedish => l["Swedish"],
        CustomerLanguage.English => l["English"],
        _ => l["Not known"],
    };
}
