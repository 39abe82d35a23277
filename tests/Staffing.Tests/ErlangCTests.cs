namespace Moment.Staffing.Tests;

public sealed class ErlangCTests
{
    private static readonly TimeSpan TwentySeconds = TimeSpan.FromSeconds(20);

    [Fact]
    public void Evaluate_CallCentreHelperWorkedExample_MatchesPublishedFigures()
    {
        // Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example":
        // 100 calls per 30 minutes, AHT 180 s, 80 % in 20 s → A = 10 Erlangs; its first step, 11 agents, gives
        // P(wait) = 68.21 %, service level 39 %, ASA 122.8 s; it steps up until 14 agents (88.8 %, occupancy 71.4 %).
        var workload = new Workload(100, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(180));

        var eleven = ErlangC.Evaluate(workload, 11, TwentySeconds);
        var fourteen = ErlangC.Evaluate(workload, 14, TwentySeconds);

        Assert.Equal(10, workload.OfferedLoadErlangs);
        Assert.Equal(0.6821, eleven.WaitProbability, 0.00005);
        Assert.Equal(0.39, eleven.ServiceLevel, 0.005);
        Assert.Equal(122.8, eleven.AverageSpeedOfAnswerSeconds, 0.05);
        Assert.Equal(0.64, ErlangC.Evaluate(workload, 12, TwentySeconds).ServiceLevel, 0.005);
        Assert.Equal(0.796, ErlangC.Evaluate(workload, 13, TwentySeconds).ServiceLevel, 0.0005);
        Assert.Equal(0.888, fourteen.ServiceLevel, 0.0005);
        Assert.Equal(0.714, fourteen.Occupancy, 0.0005);
    }

    [Fact]
    public void Evaluate_ClassicErlangCFormulaPageExample_MatchesPublishedFigures()
    {
        // "The Erlang-C formula", www.mitan.co.uk/erlang/elgcmath.htm, whose figures PlanetMath's
        // "sandbox-maxima-example-4" reproduces: 360 calls per half hour (0.2/s), 240 s calls, 55 agents →
        // E_c = 0.2387, T_w = 8.184 s, P(wait ≤ 15 s) = 0.8459; occupancy 48/55 = 0.873.
        var workload = new Workload(360, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(4));

        var metrics = ErlangC.Evaluate(workload, 55, TimeSpan.FromSeconds(15));

        Assert.Equal(48, metrics.OfferedLoadErlangs);
        Assert.Equal(0.2387, metrics.WaitProbability, 0.00005);
        Assert.Equal(8.184, metrics.AverageSpeedOfAnswerSeconds, 0.0005);
        Assert.Equal(0.8459, metrics.ServiceLevel, 0.00005);
        Assert.Equal(0.873, metrics.Occupancy, 0.0005);
    }

    [Theory]
    [InlineData(240, 2.243505841)]
    [InlineData(300, 30.4312286)]
    public void Evaluate_AbstractMicroErlangLibraryExamples_MatchPublishedAverageWait(double handleSeconds, double published)
    {
        // Abstract Micro Systems, Erlang Library for Excel, ErlcWait4 reference page:
        // =ErlcWait4(20, 1800, 100, 240) → 2.243505841 s and =ErlcWait4(20, 1800, 100, 300) → 30.4312286 s.
        var workload = new Workload(100, TimeSpan.FromSeconds(1800), TimeSpan.FromSeconds(handleSeconds));

        var metrics = ErlangC.Evaluate(workload, 20, TimeSpan.Zero);

        Assert.Equal(published, metrics.AverageSpeedOfAnswerSeconds, published * 1e-6);
    }

    [Fact]
    public void Evaluate_MoreAgents_EveryMetricImproves()
    {
        var workload = new Workload(2_000, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(270));
        var previous = ErlangC.Evaluate(workload, 301, TwentySeconds);

        for (var agents = 302; agents <= 400; agents++)
        {
            var current = ErlangC.Evaluate(workload, agents, TwentySeconds);
            Assert.True(current.WaitProbability < previous.WaitProbability, $"P(wait) rose at {agents}");
            Assert.True(current.ServiceLevel >= previous.ServiceLevel, $"service level fell at {agents}");
            Assert.True(current.AverageSpeedOfAnswerSeconds < previous.AverageSpeedOfAnswerSeconds, $"ASA rose at {agents}");
            Assert.True(current.Occupancy < previous.Occupancy, $"occupancy rose at {agents}");
            previous = current;
        }
    }

    [Fact]
    public void Evaluate_AnyStaffing_SatisfiesLittlesLaw()
    {
        var workload = new Workload(360, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(4));

        for (var agents = 49; agents <= 70; agents++)
        {
            var metrics = ErlangC.Evaluate(workload, agents, TwentySeconds);
            var arrivalsTimesWait = workload.ArrivalRatePerSecond * metrics.AverageSpeedOfAnswerSeconds;
            Assert.Equal(metrics.AverageQueueLength, arrivalsTimesWait, metrics.AverageQueueLength * 1e-12);
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(9)]
    [InlineData(1)]
    public void Evaluate_AgentsNotAboveLoad_ReportsUnstableQueue(int agents)
    {
        var workload = new Workload(100, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3));

        var error = Assert.Throws<UnstableQueueException>(() => ErlangC.Evaluate(workload, agents, TwentySeconds));

        Assert.StartsWith("unstable: the queue grows without bound", error.Message, StringComparison.Ordinal);
        Assert.Equal(agents, error.Agents);
        Assert.Equal(10, error.OfferedLoadErlangs);
    }

    [Fact]
    public void WaitProbability_AgentsEqualLoad_ReportsUnstableQueue()
    {
        Assert.Throws<UnstableQueueException>(() => ErlangC.WaitProbability(48, 48));
    }

    [Theory]
    [InlineData(49_999.999)]
    [InlineData(49_990)]
    [InlineData(45_000)]
    [InlineData(10)]
    public void Evaluate_FiftyThousandAgents_GivesFiniteProbabilities(double load)
    {
        var workload = new Workload(load, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

        var metrics = ErlangC.Evaluate(workload, 50_000, TwentySeconds);

        Assert.InRange(metrics.WaitProbability, 0, 1);
        Assert.InRange(metrics.ServiceLevel, 0, 1);
        Assert.True(double.IsFinite(metrics.AverageSpeedOfAnswerSeconds));
        Assert.True(double.IsFinite(metrics.AverageQueueLength));
        Assert.InRange(metrics.Occupancy, 0, 1);
    }

    [Fact]
    public void Evaluate_LoadJustBelowAgents_WaitsLongButFinite()
    {
        // n − A = 0.001 at 50,000 agents: C = n·B/(n − A + A·B) ≈ 1 − 0.001/(A·B) with B(50,000, A) ≈ 0.0036,
        // and ASA = C·AHT/(n − A) ≈ 1,000 AHT.
        var workload = new Workload(49_999.999, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

        var metrics = ErlangC.Evaluate(workload, 50_000, TwentySeconds);

        Assert.InRange(metrics.WaitProbability, 0.99999, 0.999999);
        Assert.Equal(metrics.WaitProbability * 3600 / 0.001, metrics.AverageSpeedOfAnswerSeconds, 3600 / 0.001 * 1e-6);
        Assert.InRange(metrics.ServiceLevel, 1e-6, 1e-4);
    }

    [Fact]
    public void Evaluate_NoContacts_NobodyWaits()
    {
        var workload = new Workload(0, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3));

        var metrics = ErlangC.Evaluate(workload, 1, TwentySeconds);

        Assert.Equal(0, metrics.WaitProbability);
        Assert.Equal(1, metrics.ServiceLevel);
        Assert.Equal(0, metrics.AverageSpeedOfAnswerSeconds);
    }
}
