namespace Moment.Staffing;

/// <summary>
/// Erlang C (M/M/n: Poisson arrivals, exponential handle times, n agents, one FIFO queue, nobody hangs up).
/// </summary>
/// <remarks>
/// With λ contacts per second, AHT in seconds, A = λ·AHT Erlangs and n &gt; A agents
/// (Erlang 1917; the contact-centre forms as in Gans, Koole &amp; Mandelbaum 2003, MSOM 5(2), §4.1, and
/// Koole (2013), Call Center Optimization, ch. 5):
/// <list type="bullet">
/// <item>wait probability Pw = C(n, A) = n·B(n, A) / (n − A·(1 − B(n, A))), B being Erlang B;</item>
/// <item>service level for an answer-time target t: SL = 1 − Pw·e^(−(n − A)·t / AHT);</item>
/// <item>average speed of answer ASA = Pw·AHT / (n − A) seconds, over all contacts;</item>
/// <item>average queue length Lq = Pw·A / (n − A) = λ·ASA (Little's law);</item>
/// <item>occupancy = A / n.</item>
/// </list>
/// For n ≤ A the queue grows without bound and an <see cref="UnstableQueueException"/> is thrown.
/// </remarks>
public static class ErlangC
{
    /// <summary>C(n, A): the probability that an arriving contact has to wait.</summary>
    /// <param name="agents">n ≥ 1.</param>
    /// <param name="offeredLoadErlangs">A ≥ 0, in Erlangs.</param>
    /// <exception cref="UnstableQueueException">n ≤ A.</exception>
    /// <exception cref="StaffingInputException">n &lt; 1, or A is negative or not a number.</exception>
    public static double WaitProbability(int agents, double offeredLoadErlangs)
    {
        Require.AtLeast(agents, 1, "the number of agents");
        Require.NotNegative(offeredLoadErlangs, "the offered load");
        if (agents <= offeredLoadErlangs)
            throw new UnstableQueueException(agents, offeredLoadErlangs);
        return WaitFromBlocking(ErlangB.Blocking(agents, offeredLoadErlangs), agents, offeredLoadErlangs);
    }

    /// <summary>The steady-state metrics of <paramref name="workload"/> answered by <paramref name="agents"/> agents.</summary>
    /// <param name="workload">The contacts and their handle time.</param>
    /// <param name="agents">n ≥ 1 agents taking contacts.</param>
    /// <param name="answerWithin">The answer-time threshold t for the service level.</param>
    /// <exception cref="UnstableQueueException">n ≤ A.</exception>
    /// <exception cref="StaffingInputException">n &lt; 1 or t &lt; 0.</exception>
    public static QueueMetrics Evaluate(Workload workload, int agents, TimeSpan answerWithin)
    {
        ArgumentNullException.ThrowIfNull(workload);
        Require.AtLeast(agents, 1, "the number of agents");
        Require.NotNegative(answerWithin, "the answer-time target");
        var load = workload.OfferedLoadErlangs;
        if (agents <= load)
            throw new UnstableQueueException(agents, load);
        return Metrics(agents, load, workload.AverageHandleTimeSeconds, answerWithin, ErlangB.Blocking(agents, load));
    }

    internal static double WaitFromBlocking(double blocking, int n, double a) => n * blocking / (n - a + a * blocking);

    /// <summary>The metrics for n &gt; A given B(n, A), so a search can step B up without recomputing it.</summary>
    internal static QueueMetrics Metrics(int n, double a, double handleSeconds, TimeSpan answerWithin, double blocking)
    {
        var wait = WaitFromBlocking(blocking, n, a);
        var spare = n - a;
        return new QueueMetrics(
            Agents: n,
            OfferedLoadErlangs: a,
            WaitProbability: wait,
            ServiceLevel: 1 - wait * Math.Exp(-spare * answerWithin.TotalSeconds / handleSeconds),
            AnswerWithin: answerWithin,
            AverageSpeedOfAnswerSeconds: wait * handleSeconds / spare,
            Occupancy: a / n,
            AbandonmentProbability: 0,
            AverageQueueLength: wait * a / spare);
    }
}
