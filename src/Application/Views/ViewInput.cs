using System.Globalization;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Views;

/// <summary>
/// A view's choices as they come in text (an API's query string, a page's address): names of views, orders, statuses,
/// priorities and doors in any case ("myOpen", "MyOpen"), ids, days. Anything else is refused at its field.
/// </summary>
public static class ViewInput
{
    /// <summary>The filters as texts; whether they fit together is <see cref="ViewFilter.Check"/>'s to say, where they are used.</summary>
    public static ViewFilter Filter(
        string? status, string? priority, string? door, string? caseType, string? team, string? owner, string? minAgeDays, string? maxAgeDays) =>
        new(Choice<CaseStatus>(status, "status"), Choice<CasePriority>(priority, "priority"), Choice<Door>(door, "door"),
            Id(caseType, "caseType"), Id(team, "team"), Id(owner, "owner"), Days(minAgeDays, "minAgeDays"), Days(maxAgeDays, "maxAgeDays"));

    /// <summary>One of an enum's names, in any case; null or empty is none chosen.</summary>
    public static T? Choice<T>(string? text, string field)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(text.Trim()[0])
            ? parsed
            : throw new DomainRuleException("{0} is not a choice here. Choose one of: {1}.", field, text, string.Join(", ", Enum.GetNames<T>().Select(Camel)));
    }

    public static Guid? Id(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : Guid.TryParse(text.Trim(), out var id) ? id
        : throw new DomainRuleException("{0} is not an id.", field, text);

    public static int? Days(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= ViewFilter.MaxAgeDaysLimit ? days
        : throw new DomainRuleException("An age is a number of days from 0 to {0}.", field, ViewFilter.MaxAgeDaysLimit);

    /// <summary>How a choice is written in the API and in addresses: "myOpen", "updatedNewest".</summary>
    public static string Camel<T>(T value)
        where T : struct, Enum => Camel(value.ToString());

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
