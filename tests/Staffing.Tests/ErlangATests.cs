namespace Moment.Staffing.Tests;

public sealed class ErlangATests
{
    private static readonly TimeSpan TwentySeconds = TimeSpan.FromSeconds(20);
    private static readonly Workload HundredPerHalfHour = new(100, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3));

    [Fact]
    public void Evaluate_PyworkforceErlangAGuideExample_MatchesPublishedFigures()
    {
        // pyworkforce documentation, guide "Erlang A (abandonment)" (pyworkforce.rodrigo-arenas.com/stable/guide/erlanga),
        // an exact birth–death implementation: 100 transactions per 30 min, AHT 3 min, patience 5 min, 20 s target →
        // at its answer of 13 positions: service level 0.858, occupancy 0.750, abandonment 0.025,
        // waiting probability 0.226, ASA 0.125 min (all printed to three decimals).
        var metrics = ErlangA.Evaluate(HundredPerHalfHour, 13, TimeSpan.FromMinutes(5), TwentySeconds);

        Assert.Equal(0.858, metrics.ServiceLevel, 0.0005);
        Assert.Equal(0.750, metrics.Occupancy, 0.0005);
        Assert.Equal(0.025, metrics.AbandonmentProbability, 0.0005);
        Assert.Equal(0.226, metrics.WaitProbability, 0.0005);
        Assert.Equal(0.125, metrics.AverageSpeedOfAnswerSeconds / 60, 0.0005);
    }

    [Theory]
    [InlineData(100, 13, 5, 20)]
    [InlineData(100, 8, 5, 20)]
    [InlineData(100, 10, 1, 60)]
    [InlineData(250, 20, 10, 0)]
    [InlineData(40, 3, 0.5, 30)]
    public void Evaluate_SmallQueues_MatchBruteForceBirthDeathAndUniformisation(double contacts, int agents, double patienceMinutes, double targetSeconds)
    {
        var workload = new Workload(contacts, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3));
        var patience = TimeSpan.FromMinutes(patienceMinutes);
        var target = TimeSpan.FromSeconds(targetSeconds);
        var reference = BruteForce.Solve(workload, agents, patience, target);

        var metrics = ErlangA.Evaluate(workload, agents, patience, target);

        Assert.Equal(reference.WaitProbability, metrics.WaitProbability, 1e-12);
        Assert.Equal(reference.AverageQueueLength, metrics.AverageQueueLength, 1e-11);
        Assert.Equal(reference.ServiceLevel, metrics.ServiceLevel, 1e-11);
    }

    [Theory]
    [InlineData(100, 13, 5)]
    [InlineData(100, 6, 2)]
    [InlineData(1_000, 90, 3)]
    public void Evaluate_AnyStaffing_SatisfiesLittlesLawWithIndependentlyComputedWait(double contacts, int agents, double patienceMinutes)
    {
        // E[wait | k ahead] = (k + 1) / (nμ + (k + 1)θ), averaged over the brute-force distribution, is an
        // independent route to E[wait]; Little's law then demands E[Q] = λ·E[wait].
        var workload = new Workload(contacts, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3));
        var patience = TimeSpan.FromMinutes(patienceMinutes);
        var reference = BruteForce.Solve(workload, agents, patience, TwentySeconds);

        var metrics = ErlangA.Evaluate(workload, agents, patience, TwentySeconds);

        Assert.Equal(workload.ArrivalRatePerSecond * reference.AverageWaitSeconds, metrics.AverageQueueLength, 1e-10);
        Assert.Equal(reference.AverageWaitSeconds, metrics.AverageSpeedOfAnswerSeconds, 1e-9);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(14)]
    [InlineData(20)]
    public void Evaluate_PatienceTowardsInfinity_ConvergesToErlangC(int agents)
    {
        var erlangC = ErlangC.Evaluate(HundredPerHalfHour, agents, TwentySeconds);

        var erlangA = ErlangA.Evaluate(HundredPerHalfHour, agents, TimeSpan.FromDays(365 * 100), TwentySeconds);

        Assert.Equal(erlangC.WaitProbability, erlangA.WaitProbability, 1e-5);
        Assert.Equal(erlangC.ServiceLevel, erlangA.ServiceLevel, 1e-5);
        Assert.Equal(erlangC.AverageSpeedOfAnswerSeconds, erlangA.AverageSpeedOfAnswerSeconds, erlangC.AverageSpeedOfAnswerSeconds * 1e-4);
        Assert.Equal(erlangC.Occupancy, erlangA.Occupancy, 1e-6);
        Assert.Equal(0, erlangA.AbandonmentProbability, 1e-6);
    }

    [Fact]
    public void Evaluate_LongerPatience_ApproachesErlangCMonotonically()
    {
        var erlangC = ErlangC.Evaluate(HundredPerHalfHour, 12, TwentySeconds);
        var previousGap = double.PositiveInfinity;

        foreach (var minutes in new[] { 1.0, 10, 100, 1_000, 10_000, 100_000 })
        {
            var erlangA = ErlangA.Evaluate(HundredPerHalfHour, 12, TimeSpan.FromMinutes(minutes), TwentySeconds);
            var gap = Math.Abs(erlangC.AverageSpeedOfAnswerSeconds - erlangA.AverageSpeedOfAnswerSeconds);
            Assert.True(gap < previousGap, $"the gap to Erlang C grew at {minutes} minutes of patience");
            previousGap = gap;
        }
    }

    [Fact]
    public void Evaluate_MoreAgents_EveryMetricImproves()
    {
        var workload = new Workload(600, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3));
        var patience = TimeSpan.FromMinutes(2);
        var previous = ErlangA.Evaluate(workload, 1, patience, TwentySeconds);

        for (var agents = 2; agents <= 120; agents++)
        {
            var current = ErlangA.Evaluate(workload, agents, patience, TwentySeconds);
            // Far below the load P(wait) is 1 to double precision for several staffings in a row.
            Assert.True(current.WaitProbability <= previous.WaitProbability, $"P(wait) rose at {agents}");
            Assert.True(current.ServiceLevel > previous.ServiceLevel, $"service level fell at {agents}");
            Assert.True(current.AbandonmentProbability < previous.AbandonmentProbability, $"abandonment rose at {agents}");
            Assert.True(current.AverageSpeedOfAnswerSeconds < previous.AverageSpeedOfAnswerSeconds, $"ASA rose at {agents}");
            // Occupancy is A·(1 − P(abandon))/n: near 1 it carries the cancellation of 1 − P(abandon), about 10⁻¹⁴.
            Assert.True(current.Occupancy <= previous.Occupancy + 1e-12, $"occupancy rose at {agents}");
            previous = current;
        }
    }

    [Fact]
    public void Evaluate_FewerAgentsThanLoad_StaysStableThanksToAbandonment()
    {
        // A fluid view: with n < A about (λ − nμ)/θ callers wait, and the excess λ − nμ hangs up.
        var workload = new Workload(40_000 * 2, TimeSpan.FromHours(1), TimeSpan.FromMinutes(45));

        var metrics = ErlangA.Evaluate(workload, 30_000, TimeSpan.FromMinutes(5), TwentySeconds);

        Assert.Equal(1 - 30_000.0 / 60_000, metrics.AbandonmentProbability, 1e-3);
        Assert.Equal(1, metrics.Occupancy, 1e-9);
        Assert.True(double.IsFinite(metrics.AverageSpeedOfAnswerSeconds));
    }

    [Theory]
    [InlineData(49_999.5, 60)]
    [InlineData(60_000, 3_600)]
    [InlineData(40_000, 600)]
    [InlineData(50_000, 1_000_000)]
    public void Evaluate_FiftyThousandAgents_GivesFiniteProbabilities(double load, double patienceSeconds)
    {
        var workload = new Workload(load, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

        var metrics = ErlangA.Evaluate(workload, 50_000, TimeSpan.FromSeconds(patienceSeconds), TwentySeconds);

        Assert.InRange(metrics.WaitProbability, 0, 1);
        Assert.InRange(metrics.ServiceLevel, 0, 1);
        Assert.InRange(metrics.AbandonmentProbability, 0, 1);
        Assert.InRange(metrics.Occupancy, 0, 1);
        Assert.True(double.IsFinite(metrics.AverageSpeedOfAnswerSeconds));
        Assert.True(double.IsFinite(metrics.AverageQueueLength));
    }

    [Fact]
    public void Evaluate_ZeroPatience_IsRefused()
    {
        var error = Assert.Throws<StaffingInputException>(
            () => ErlangA.Evaluate(HundredPerHalfHour, 10, TimeSpan.Zero, TwentySeconds));

        Assert.Contains("patience", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// An independent, deliberately naive Erlang A: the birth–death distribution truncated far out and normalised
    /// directly, and the answer-within-t probability of a tagged caller by uniformisation of its own Markov chain
    /// (positions ahead, answered, hung up), with no incomplete-beta algebra.
    /// </summary>
    private static class BruteForce
    {
        public static (double WaitProbability, double AverageQueueLength, double ServiceLevel, double AverageWaitSeconds) Solve(
            Workload workload, int agents, TimeSpan patience, TimeSpan target)
        {
            const int QueueStates = 600;
            double n = agents, load = workload.OfferedLoadErlangs;
            var gamma = workload.AverageHandleTimeSeconds / patience.TotalSeconds;
            var tau = target.TotalSeconds / workload.AverageHandleTimeSeconds;

            var weights = new double[agents + QueueStates];
            weights[0] = 1;
            for (var i = 1; i < weights.Length; i++)
                weights[i] = weights[i - 1] * load / (i <= agents ? i : n + (i - agents) * gamma);
            var total = weights.Sum();

            double wait = 0, queue = 0, inTime = 0, waitTime = 0;
            for (var i = 0; i < agents; i++)
                inTime += weights[i] / total;
            for (var k = 0; k < QueueStates; k++)
            {
                var p = weights[agents + k] / total;
                wait += p;
                queue += k * p;
                inTime += p * AnsweredWithin(k, n, gamma, tau);
                waitTime += p * (k + 1) / (n + (k + 1) * gamma);
            }
            return (wait, queue, inTime, waitTime * workload.AverageHandleTimeSeconds);
        }

        private static double AnsweredWithin(int ahead, double n, double gamma, double tau)
        {
            // States 0..ahead: callers still ahead. Uniformised at rate L ≥ every exit rate.
            var rate = n + (ahead + 1) * gamma;
            var position = new double[ahead + 1];
            position[ahead] = 1;
            double answeredBySteps = 0, result = 0;
            var poisson = Math.Exp(-rate * tau);
            for (var step = 0; step < 4_000 && (step < rate * tau || poisson > 1e-18); step++)
            {
                result += poisson * answeredBySteps;
                var next = new double[ahead + 1];
                for (var j = 0; j <= ahead; j++)
                {
                    var advance = (n + j * gamma) / rate;
                    var stay = 1 - advance - gamma / rate;
                    next[j] += position[j] * stay;
                    if (j > 0)
                        next[j - 1] += position[j] * advance;
                    else
                        answeredBySteps += position[j] * advance;
                }
                position = next;
                poisson *= rate * tau / (step + 1);
            }
            return result;
        }
    }
}
