using System.Collections.Concurrent;

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
/// <para>
/// Every customer in every line is told their range on each look, so the cost matters (the chat load benchmark found the
/// first version, a bisection over the whole sum for each position, quadratic in the line). Two facts make it cheap:
/// the wait scales with the rate (the quantile at rate λ is the one at rate 1 divided by λ), so the rate-1 quantiles
/// are worked out once per position and kept; and the sum that gives the CDF only needs its terms near the mean.
/// </para>
/// </remarks>
public static class PositionWait
{
    // Rate-1 quantiles by the share p, indexed by shape − 1; grown on demand, never changed once there.
    private static readonly ConcurrentDictionary<double, UnitQuantiles> Known = new();

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
        return (TimeSpan.FromSeconds(UnitQuantile(position, (1 - coverage) / 2) / rate),
            TimeSpan.FromSeconds(UnitQuantile(position, (1 + coverage) / 2) / rate));
    }

    /// <summary>P(T ≤ t) for T ~ Erlang(k, rate): 1 − Σ_{n&lt;k} e^(−rate·t)(rate·t)^n / n!.</summary>
    public static double Cdf(int shape, double rate, double seconds) => seconds <= 0 ? 0 : UnitCdf(shape, rate * seconds);

    /// <summary>The time by which the share <paramref name="p"/> of such waits is over.</summary>
    public static double Quantile(int shape, double rate, double p) => UnitQuantile(shape, p) / rate;

    private static double UnitQuantile(int shape, double p) =>
        Known.GetOrAdd(p, static share => new UnitQuantiles(share)).Of(shape);

    /// <summary>
    /// P(Erlang(k, 1) ≤ x), which is P(Poisson(x) ≥ k). The Poisson terms more than 12 standard deviations from x are
    /// below 10⁻³⁰ of the whole and are left out, so a long line's sum costs O(√x) terms, not O(k). Summed in logs, so that
    /// lines in the thousands neither overflow nor underflow.
    /// </summary>
    private static double UnitCdf(int shape, double x)
    {
        var reach = 12 * Math.Sqrt(x) + 20;
        var first = Math.Max(0, (int)Math.Floor(x - reach));
        var last = Math.Min(shape - 1, (int)Math.Ceiling(x + reach));
        var logX = Math.Log(x);
        var sum = 0.0;
        for (var n = first; n <= last; n++)
            sum += Math.Exp(n * logX - x - LogFactorial(n));
        return Math.Clamp(1 - sum, 0, 1);
    }

    /// <summary>The density of Erlang(k, 1) at x.</summary>
    private static double UnitDensity(int shape, double x) => Math.Exp((shape - 1) * Math.Log(x) - x - LogFactorial(shape - 1));

    private static readonly double[] SmallLogFactorials = BuildSmallLogFactorials();

    private static double[] BuildSmallLogFactorials()
    {
        var table = new double[256];
        for (var n = 1; n < table.Length; n++)
            table[n] = table[n - 1] + Math.Log(n);
        return table;
    }

    /// <summary>ln n!: a table up to 255, Stirling's series beyond (its error there is below 10⁻¹⁵).</summary>
    private static double LogFactorial(int n)
    {
        if (n < SmallLogFactorials.Length)
            return SmallLogFactorials[n];
        double m = n;
        return m * Math.Log(m) - m + 0.5 * Math.Log(2 * Math.PI * m) + 1 / (12 * m) - 1 / (360 * m * m * m);
    }

    /// <summary>
    /// The rate-1 quantiles for one share, found by Newton's method on the CDF from the median (about k − 1/3), kept inside
    /// a bracket that bisects whenever a step would leave it; a handful of steps each. Readers see an array that only
    /// grows (published whole), so looking up a known position takes no lock.
    /// </summary>
    private sealed class UnitQuantiles(double p)
    {
        private readonly Lock _growing = new();
        private volatile double[] _known = [];

        public double Of(int shape)
        {
            var known = _known;
            if (shape <= known.Length)
                return known[shape - 1];
            lock (_growing)
            {
                known = _known;
                if (shape > known.Length)
                {
                    var grown = new double[Math.Max(shape, known.Length * 2)];
                    known.CopyTo(grown, 0);
                    for (var k = known.Length + 1; k <= grown.Length; k++)
                        grown[k - 1] = Solve(k);
                    _known = known = grown;
                }

                return known[shape - 1];
            }
        }

        private double Solve(int shape)
        {
            var low = 0.0;
            var high = shape + 2 * Math.Sqrt(shape) + 2;
            while (UnitCdf(shape, high) < p)
                high *= 2;
            var x = Math.Max(shape - 1.0 / 3, 0.5);
            for (var i = 0; i < 200; i++)
            {
                var miss = UnitCdf(shape, x) - p;
                if (miss < 0)
                    low = x;
                else
                    high = x;
                var next = x - miss / UnitDensity(shape, x);
                if (double.IsNaN(next) || next <= low || next >= high)
                    next = (low + high) / 2;
                if (Math.Abs(next - x) <= 1e-10 * x)
                    return next;
                x = next;
            }

            return x;
        }
    }
}
