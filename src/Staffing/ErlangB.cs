namespace Moment.Staffing;

/// <summary>
/// Erlang B (M/M/n/n, blocked contacts are lost): the probability that an arriving contact finds all n agents busy
/// when nobody can wait. Here it is mostly the stable building block of Erlang C and Erlang A.
/// </summary>
/// <remarks>
/// <para>B(n, A) = (Aⁿ/n!) / Σₖ₌₀ⁿ (Aᵏ/k!), A in Erlangs. Erlang (1917); e.g. Kleinrock (1975), Queueing Systems I, §3.7.</para>
/// <para>
/// No factorial or power is formed: 1/B(n, A) = Σⱼ₌₀ⁿ Πᵢ₌₀ʲ⁻¹ (n − i)/A, a sum of positive terms that rise until
/// i ≈ n − A and then fall faster than geometrically, so it is cut once the rest is below 10⁻¹⁷ of the sum.
/// Near n ≈ A that takes about 9·√A terms (≈ 2,000 at 50,000 agents) instead of n.
/// Stepping n up uses the classic recursion B(n + 1) = A·B(n) / (n + 1 + A·B(n)) (Jagerman 1974, "Some properties
/// of the Erlang loss function", Bell System Technical Journal 53(3)), which is stable in double precision.
/// </para>
/// </remarks>
public static class ErlangB
{
    /// <summary>B(n, A): the blocking probability, between 0 and 1.</summary>
    /// <param name="agents">n ≥ 0.</param>
    /// <param name="offeredLoadErlangs">A ≥ 0, in Erlangs.</param>
    /// <exception cref="StaffingInputException">n is negative or A is negative or not a number.</exception>
    public static double BlockingProbability(int agents, double offeredLoadErlangs)
    {
        Require.AtLeast(agents, 0, "the number of agents");
        Require.NotNegative(offeredLoadErlangs, "the offered load");
        return Blocking(agents, offeredLoadErlangs);
    }

    /// <summary>B(n, A) without input checks.</summary>
    internal static double Blocking(int n, double a)
    {
        if (n == 0)
            return 1;
        if (a == 0)
            return 0;
        var inverseLoad = 1 / a;
        double sum = 1, term = 1;
        for (var i = 0; i < n; i++)
        {
            var ratio = (n - i) * inverseLoad;
            term *= ratio;
            sum += term;
            // Beyond 1e300 B is below 1e-300: zero to double precision, and continuing could overflow.
            if (sum > 1e300)
                return 0;
            if (ratio < 1)
            {
                // Every later ratio is smaller still, so the rest is at most term·r/(1 − r) with r the next ratio.
                var next = (n - i - 1) * inverseLoad;
                if (term * next < 1e-17 * sum * (1 - next))
                    break;
            }
        }
        return 1 / sum;
    }

    /// <summary>B(n + 1, A) from B(n, A).</summary>
    internal static double Next(double blocking, int n, double a)
    {
        var carried = a * blocking;
        return carried / (n + 1 + carried);
    }
}
