namespace Moment.Staffing;

/// <summary>
/// The wait ahead of one contact in a line, from the line as it is now: the customer at position k is answered when
/// k places have come free among the s places being served (agents × what each takes at once), each place coming
/// free after an exponential handle time with mean AHT. The time until the k-th place frees is then Erlang-distributed
/// with shape k and rate s / AHT (the sum of k exponential gaps with that rate), so the wait is told as a range between
/// two of its quantiles rather than as one number that is wrong for nearly everybody.
/// </summary>
/// <remarks>
/// This is the "short calculation from the current state" that Erlang C's steady state cannot give: Erlang C answers
/// "how long does a contact arriving at a random moment wait on average", not "how long does the fifth in line wait
/// now". The range's ends are the <c>(1 − coverage)/2</c> and <c>(1 + coverage)/2</c> quantiles, so that with the model
/// right the share of waits inside the range is <c>coverage</c>; honesty (the share that really fell inside) tells
/// whether the model is right.
/// </remarks>
public static class PositionWait
{
    /// <summary>The range of wait for the contact at <paramref name="position"/> (1 = next).</summary>
    /// <param name="position">k ≥ 1.</param>
    /// <param name="servingPlaces">s ≥ 1: places being served by present agents.</param>
    /// <param name="averageHandleTime">The mean time a place stays taken, &gt; 0.</param>
    /// <param name="coverage">The share of waits the range should hold, in (0, 1).</param>
    public static (TimeSpan From, TimeSpan To) Range(int position, int servingPlaces, TimeSpan averageHandleTime, double coverage = 0.8)
    {
        Require.AtLeast(position, 1, "the position");
        Require.AtLeast(servingPlaces, 1, "the serving places");
        Require.Positive(averageHandleTime, "the average handle time");
        if (coverage is <= 0 or >= 1 || double.IsNaN(coverage))
            throw new StaffingInputException("The coverage must be between 0 and 1.");
        var rate = servingPlaces / averageHandleTime.TotalSeconds;
        return (TimeSpan.FromSeconds(Quantile(position, rate, (1 - coverage) / 2)), TimeSpan.FromSeconds(Quantile(position, rate, (1 + coverage) / 2)));
    }

    /// <summary>P(T ≤ t) for T ~ Erlang(k, rate): 1 − Σ_{n&lt;k} e^(−rate·t)(rate·t)^n / n!.</summary>
    public static double Cdf(int shape, double rate, double seconds)
    {
        if (seconds <= 0)
            return 0;
        var x = rate * seconds;
        // Summed in logs so that long lines (k in the hundreds) neither overflow nor underflow.
        var sum = 0.0;
        var logTerm = -x;
        for (var n = 0; n < shape; n++)
        {
            if (n > 0)
                logTerm += Math.Log(x) - Math.Log(n);
            sum += Math.Exp(logTerm);
        }

        return Math.Clamp(1 - sum, 0, 1);
    }

    /// <summary>The time by which the share <paramref name="p"/> of such waits is over, found by bisection on the CDF.</summary>
    public static double Quantile(int shape, double rate, double p)
    {
        var high = shape / rate;
        while (Cdf(shape, rate, high) < p)
            high *= 2;
        var low = 0.0;
        for (var i = 0; i < 100 && high - low > 1e-6 * high; i++)
        {
            var middle = (low + high) / 2;
            if (Cdf(shape, rate, middle) < p)
                low = middle;
            else
                high = middle;
        }

        return (low + high) / 2;
    }
}
