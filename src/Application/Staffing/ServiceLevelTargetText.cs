using System.Globalization;
using Moment.Domain;

namespace Moment.Application.Staffing;

/// <summary>A service-level target as written on the command line and in the API: <c>PERCENT/TIME</c> (<c>80/20s</c>), or just the time (<c>20s</c>).</summary>
public sealed record ServiceLevelTargetText(double? Percent, TimeSpan AnswerWithin)
{
    /// <exception cref="DomainRuleException">Not a target (naming <paramref name="field"/>), or a percentage not above 0 and below 100.</exception>
    public static ServiceLevelTargetText Parse(string? text, string field)
    {
        var trimmed = text?.Trim() ?? "";
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
            return new ServiceLevelTargetText(null, DurationText.Parse(trimmed, field));

        var percentText = trimmed[..slash].Trim().TrimEnd('%');
        if (!double.TryParse(percentText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
            throw new DomainRuleException("'{0}' is not a service-level target: write PERCENT/TIME, such as 80/20s.", field, text);
        if (percent is <= 0 or >= 100)
            throw new DomainRuleException("The service level in '{0}' must be above 0 % and below 100 %.", field, text);
        return new ServiceLevelTargetText(percent, DurationText.Parse(trimmed[(slash + 1)..], field));
    }
}
