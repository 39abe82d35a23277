namespace Moment.Staffing;

/// <summary>
/// Erlang A (M/M/n+M, the Palm/Erlang-A queue): Erlang C plus impatient callers, each hanging up after an
/// exponential patience unless answered first. Garnett, Mandelbaum &amp; Reiman (2002), "Designing a call center
/// with impatient customers", Manufacturing &amp; Service Operations Management 4(3), 208–227; the waiting-time
/// results as in Mandelbaum &amp; Zeltyn (2007), "Service engineering in action: the Palm/Erlang-A queue".
/// </summary>
/// <remarks>
/// <para>
/// Rates: λ arrivals per second, μ = 1/AHT, θ = 1/(average patience), n agents. The number of contacts in the system
/// is a birth–death process with birth rate λ and death rate min(i, n)·μ + max(i − n, 0)·θ. It is stable for every
/// n ≥ 1. Its stationary distribution, relative to πₙ (all agents busy, nobody waiting):
/// πᵢ/πₙ = n!/(i!·Aⁿ⁻ⁱ) for i ≤ n, so Σᵢ₌₀ⁿ πᵢ/πₙ = 1/B(n, A) (Erlang B), and
/// rₖ = πₙ₊ₖ/πₙ = Πⱼ₌₁ᵏ λ/(nμ + jθ) for k ≥ 0 contacts waiting.
/// With R = Σₖ rₖ and normaliser Z = 1/B − 1 + R (arrivals see time averages, PASTA):
/// </para>
/// <list type="bullet">
/// <item>wait probability = P(an arrival finds all n busy) = R/Z;</item>
/// <item>E[Q] = Σₖ k·rₖ / Z contacts waiting;</item>
/// <item>abandonment probability = θ·E[Q]/λ (hang-ups per second ÷ arrivals per second);</item>
/// <item>average speed of answer = E[Q]/λ seconds, over all arrivals, time in queue until answer or hang-up (Little's law);</item>
/// <item>occupancy = λ·(1 − P(abandon)) / (n·μ), the carried load per agent.</item>
/// </list>
/// <para>
/// Service level, exactly: P(answered within t) over all arrivals, hang-ups counting as not answered.
/// An arrival that finds a free agent is answered at once. One that finds k already waiting (state n + k) is
/// answered once k + 1 "advances" have happened, FCFS: with j contacts still ahead it moves up at rate nμ + jθ
/// (a service ends, or one ahead hangs up), so its time to answer is T = Σⱼ₌₀ᵏ Exp(nμ + jθ), independent of its own
/// patience τ ~ Exp(θ). Hence P(answered within t | k) = E[1{T ≤ t}·e^(−θT)]. Multiplying the hypoexponential density
/// by e^(−θs) shifts every rate by θ and scales it by Πⱼ (nμ + jθ)/(nμ + (j + 1)θ) = nμ/(nμ + (k + 1)θ), so
/// </para>
/// <para>P(answered within t | k) = nμ/(nμ + (k + 1)θ) · P(T′ₖ ≤ t), T′ₖ = Σₘ₌₁ᵏ⁺¹ Exp(nμ + mθ).</para>
/// <para>
/// (The first factor alone, t → ∞, is the known probability of ever being served.) The rates of T′ₖ are equally
/// spaced; partial fractions and 1/(a + m) = ∫₀¹ u^(a+m−1) du turn its survival function into a regularised
/// incomplete beta function, P(T′ₖ &gt; t) = I_x(nμ/θ + 1, k + 1) with x = e^(−θt), which is the distribution
/// function of a negative binomial count: P(T′ₖ ≤ t) = P(X ≥ k + 1), X ~ NegBin(r = nμ/θ + 1, success probability
/// y = 1 − e^(−θt)), pmf p₀ = e^(−(nμ + θ)t), pⱼ = pⱼ₋₁·y·(j − 1 + r)/j. (As θ → 0 this tends to
/// P(Poisson(nμt) ≥ k + 1), the Erlang C answer.) So
/// SL = (1/B − 1)/Z + Σₖ rₖ · nμ/(nμ + (k + 1)θ) · (1 − Σⱼ₌₀ᵏ pⱼ) / Z.
/// </para>
/// <para>
/// Numerics: no factorials or powers. The rₖ are summed by their ratio recursion and rescaled by 10⁻²⁵⁰ whenever
/// they pass 10²⁵⁰ (overloaded queues with patient callers peak near k = (λ − nμ)/θ); every probability is then
/// formed as a ratio in which the scale cancels. The sums stop once a geometric bound on the rest is below 10⁻¹⁷
/// of the sum. The pⱼ start in log space while p₀ would underflow. Everything is computed in units of AHT.
/// </para>
/// </remarks>
public static class ErlangA
{
    /// <summary>
    /// The most queue states one evaluation may sum. Only a patience thousands of times the handle time on an
    /// overloaded queue comes near it; such a queue is Erlang C's unstable case in all but name.
    /// </summary>
    public const int MaxQueueStates = 20_000_000;

    private const double Rescale = 1e250;
    private const double Negligible = 1e-17;

    /// <summary>The steady-state metrics of <paramref name="workload"/> with <paramref name="agents"/> agents and impatient callers.</summary>
    /// <param name="workload">The contacts and their handle time.</param>
    /// <param name="agents">n ≥ 1 agents taking contacts (any n: abandonment keeps even n ≤ A stable).</param>
    /// <param name="averagePatience">The mean of the callers' exponential patience, 1/θ.</param>
    /// <param name="answerWithin">The answer-time threshold t for the service level.</param>
    /// <exception cref="StaffingInputException">n &lt; 1, patience not positive, t &lt; 0, or a patience so long that the queue would exceed <see cref="MaxQueueStates"/>.</exception>
    public static QueueMetrics Evaluate(Workload workload, int agents, TimeSpan averagePatience, TimeSpan answerWithin)
    {
        ArgumentNullException.ThrowIfNull(workload);
        Require.AtLeast(agents, 1, "the number of agents");
        Require.Positive(averagePatience, "the average patience");
        Require.NotNegative(answerWithin, "the answer-time target");
        var load = workload.OfferedLoadErlangs;
        return Metrics(agents, load, workload.AverageHandleTimeSeconds, averagePatience.TotalSeconds, answerWithin, ErlangB.Blocking(agents, load));
    }

    /// <summary>The metrics given B(n, A), shared with the staffing search.</summary>
    internal static QueueMetrics Metrics(int n, double a, double handleSeconds, double patienceSeconds, TimeSpan answerWithin, double blocking)
    {
        if (a == 0)
            return new QueueMetrics(n, 0, 0, 1, answerWithin, 0, 0, 0, 0);

        // Time in units of AHT: μ = 1, λ = A, θ = γ.
        var gamma = handleSeconds / patienceSeconds;
        var tau = answerWithin.TotalSeconds / handleSeconds;
        var sums = QueueSums.Compute(n, a, gamma, tau);

        // Z·B = 1 − B + B·R; with R = R̃·e^L both sides are divided by e^L so that nothing overflows.
        var freeWeight = (1 - blocking) * Math.Exp(-sums.LogScale);
        var normaliser = freeWeight + blocking * sums.Mass;
        var waitProbability = blocking * sums.Mass / normaliser;
        var queueLength = blocking * sums.WeightedLength / normaliser;
        var serviceLevel = (freeWeight + blocking * sums.AnsweredInTime) / normaliser;
        var abandonment = Math.Min(1, gamma * queueLength / a);

        return new QueueMetrics(
            Agents: n,
            OfferedLoadErlangs: a,
            WaitProbability: waitProbability,
            ServiceLevel: Math.Clamp(serviceLevel, 0, 1),
            AnswerWithin: answerWithin,
            AverageSpeedOfAnswerSeconds: queueLength / a * handleSeconds,
            Occupancy: Math.Min(1, a * (1 - abandonment) / n),
            AbandonmentProbability: abandonment,
            AverageQueueLength: queueLength);
    }

    /// <summary>
    /// R̃ = Σ rₖ, Σ k·rₖ and Σ rₖ·P(answered within t | k), all scaled by e^(−LogScale).
    /// </summary>
    private readonly record struct QueueSums(double Mass, double WeightedLength, double AnsweredInTime, double LogScale)
    {
        public static QueueSums Compute(int n, double a, double gamma, double tau)
        {
            // Negative binomial for the answer-time: r = n/γ + 1, y = 1 − e^(−γτ), log p₀ = −(n + γ)·τ.
            var y = -ExpMinusOne(-gamma * tau);
            var shape = n / gamma + 1;
            var logP = -(n + gamma) * tau;
            var inLogSpace = logP < -700;
            var p = inLogSpace ? 0 : Math.Exp(logP);
            var cumulative = p;

            double term = 1, mass = 1, weighted = 0, logScale = 0;
            var inTime = n / (n + gamma) * Math.Max(0, 1 - cumulative);
            for (var k = 1; ; k++)
            {
                term *= a / (n + k * gamma);
                if (term > Rescale)
                {
                    term /= Rescale;
                    mass /= Rescale;
                    weighted /= Rescale;
                    inTime /= Rescale;
                    logScale += Math.Log(Rescale);
                }

                var step = y * (k - 1 + shape) / k;
                if (inLogSpace)
                {
                    logP += Math.Log(step);
                    if (logP >= -700)
                    {
                        inLogSpace = false;
                        p = Math.Exp(logP);
                    }
                }
                else
                {
                    p *= step;
                }
                if (!inLogSpace)
                    cumulative += p;

                mass += term;
                weighted += k * term;
                inTime += term * n / (n + (k + 1) * gamma) * Math.Max(0, 1 - cumulative);

                // Past the mode the ratios only fall, so the rest is bounded by a geometric series of ratio `next`.
                var next = a / (n + (k + 1) * gamma);
                if (next < 1)
                {
                    var restMass = term * next / (1 - next);
                    var restWeighted = term * (k * next / (1 - next) + next / ((1 - next) * (1 - next)));
                    if (restMass <= Negligible * mass && restWeighted <= Negligible * weighted)
                        return new QueueSums(mass, weighted, inTime, logScale);
                }
                if (k >= MaxQueueStates)
                {
                    throw Require.Fail(
                        $"the patience is too long for this load: the queue would hold more than {MaxQueueStates} waiting contacts; add agents or use Erlang C");
                }
            }
        }

        /// <summary>eˣ − 1 without cancellation for small x (W. Kahan's trick; .NET's double.ExpM1 is exp(x) − 1).</summary>
        private static double ExpMinusOne(double x)
        {
            var u = Math.Exp(x);
            if (u == 1)
                return x;
            var uMinusOne = u - 1;
            return uMinusOne == -1 ? -1 : uMinusOne * x / Math.Log(u);
        }
    }
}
