namespace Moment.Staffing.Tests.Simulation;

/// <summary>
/// Independent replications of one estimate and its 99 % Student-t confidence interval
/// (Law (2015), Simulation Modeling and Analysis, 5th ed., §9.4.1).
/// </summary>
internal sealed class Replications(IReadOnlyList<double> estimates)
{
    // t quantiles at 0.995 for the degrees of freedom the tests use.
    private static readonly Dictionary<int, double> TQuantile995 = new() { [19] = 2.861, [29] = 2.756, [39] = 2.708 };

    public double Mean { get; } = estimates.Average();

    public double HalfWidth
    {
        get
        {
            var mean = Mean;
            var variance = estimates.Sum(x => (x - mean) * (x - mean)) / (estimates.Count - 1);
            return TQuantile995[estimates.Count - 1] * Math.Sqrt(variance / estimates.Count);
        }
    }

    public bool Covers(double value) => Math.Abs(value - Mean) <= HalfWidth;

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Mean:0.#####} ± {HalfWidth:0.#####}");
}
