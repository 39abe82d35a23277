using System.Globalization;
using System.Text;
using Moment.Domain;

namespace Moment.Application.Staffing;

/// <summary>
/// Durations as people type them on the command line, in the API and in forecast files: a number with a unit,
/// <c>s</c>, <c>m</c> or <c>h</c>, decimals with a point (<c>19.8s</c>, <c>4.5m</c>, <c>1h</c>), or parts together (<c>4m30s</c>).
/// </summary>
public static class DurationText
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <summary>The duration written in <paramref name="text"/>.</summary>
    /// <exception cref="DomainRuleException">It is not a duration (naming <paramref name="field"/>), or longer than a day.</exception>
    public static TimeSpan Parse(string? text, string field)
    {
        if (!TryParse(text, out var duration))
            throw new DomainRuleException("'{0}' is not a duration: write a number with s, m or h, such as 19.8s, 4.5m or 1h.", field, text);
        if (duration > Longest)
            throw new DomainRuleException("'{0}' is longer than a day.", field, text);
        return duration;
    }

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var rest = text.AsSpan().Trim();
        if (rest.IsEmpty)
            return false;
        double seconds = 0;
        while (!rest.IsEmpty)
        {
            var length = 0;
            while (length < rest.Length && (char.IsAsciiDigit(rest[length]) || rest[length] == '.'))
                length++;
            if (length == 0 || length == rest.Length
                || !double.TryParse(rest[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unit = char.ToLowerInvariant(rest[length]) switch
            {
                's' => 1,
                'm' => 60,
                'h' => 3600,
                _ => 0,
            };
            if (unit == 0)
                return false;
            seconds += number * unit;
            rest = rest[(length + 1)..].TrimStart();
        }

        if (!double.IsFinite(seconds) || seconds > Longest.TotalSeconds * 1000)
            return false;
        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>The shortest exact way to write <paramref name="duration"/>: <c>20s</c>, <c>4m30s</c>, <c>1h15m</c>, <c>19.8s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
            return "0s";
        var text = new StringBuilder();
        if (duration.Hours > 0 || duration.Days > 0)
            text.Append(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h");
        if (duration.Minutes > 0)
            text.Append(CultureInfo.InvariantCulture, $"{duration.Minutes}m");
        var seconds = duration.TotalSeconds - Math.Floor(duration.TotalMinutes) * 60;
        if (seconds > 0)
            text.Append(CultureInfo.InvariantCulture, $"{Math.Round(seconds, 3):0.###}s");
        return text.ToString();
    }
}
