using Microsoft.Extensions.Localization;
using Moment.Domain.KnownIssues;

namespace Moment.Web.Features.KnownIssues;

/// <summary>The words the pages show for where a known issue stands, in the reader's language.</summary>
internal static class KnownIssueTexts
{
    public static string Name(this KnownIssueStatus status, IStringLocalizer L) => status switch
    {
        KnownIssueStatus.Investigating => L["Investigating"],
        KnownIssueStatus.Workaround => L["Workaround"],
        KnownIssueStatus.Fixed => L["Fixed"],
    };
}
