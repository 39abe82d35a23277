namespace Moment.Staffing.Simulation;

/// <summary>
/// How long contacts waited, in seconds: the time from arrival until an agent answered (or called back), or until
/// the caller hung up. Percentiles use the nearest-rank definition: the p-th percentile is the smallest wait with at
/// least p % of the contacts waiting no longer. All zero when no contact arrived.
/// </summary>
/// <param name="AverageSeconds">The mean wait.</param>
/// <param name="P50Seconds">The median wait.</param>
/// <param name="P80Seconds">80 % waited no longer than this.</param>
/// <param name="P95Seconds">95 % waited no longer than this.</param>
/// <param name="MaxSeconds">The longest wait.</param>
public sealed record WaitingTimes(double AverageSeconds, double P50Seconds, double P80Seconds, double P95Seconds, double MaxSeconds)
{
    internal static WaitingTimes None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>The waiting times of an ascending-sorted segment (all zero when it is empty).</summary>
    internal static WaitingTimes FromSorted(ReadOnlySpan<float> sorted)
    {
        if (sorted.IsEmpty)
            return None;
        double sum = 0;
        foreach (var wait in sorted)
            sum += wait;
        return new WaitingTimes(
            sum / sorted.Length,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.80),
            Percentile(sorted, 0.95),
            sorted[^1]);
    }

    private static double Percentile(ReadOnlySpan<float> sorted, double share)
    {
        // Nearest rank: ⌈p·N⌉-th smallest. The small allowance keeps 0.8 × 10 from rounding up to 9.
        var rank = (int)Math.Ceiling(share * sorted.Length - 1e-9);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
