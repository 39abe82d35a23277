namespace Moment.Web.Features.Staffing;

/// <summary>One line of a <see cref="LineChart"/>: its name in the legend and one value per interval.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>What a chart's values are, which fixes its axis and how its numbers are written.</summary>
public enum ChartScale
{
    /// <summary>A share from 0 to 1, shown as a percentage on a 0–100 % axis.</summary>
    Share,

    /// <summary>A time in seconds, shown as seconds, minutes or hours.</summary>
    Seconds,
}
