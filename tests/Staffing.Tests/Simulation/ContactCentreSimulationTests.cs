using Moment.Staffing.Simulation;

namespace Moment.Staffing.Tests.Simulation;

public sealed class ContactCentreSimulationTests
{
    private static readonly TimeSpan ThreeMinutes = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan TwentySeconds = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(200, 12)]
    [InlineData(2_000, 106)]
    public void Run_StationaryErlangCQueue_AgreesWithErlangCWithinConfidenceInterval(double contactsPerHour, int agents)
    {
        var workload = new Workload(contactsPerHour, TimeSpan.FromHours(1), ThreeMinutes);
        var analytic = ErlangC.Evaluate(workload, agents, TwentySeconds);

        var (serviceLevel, wait, abandonment, occupancy) = Replicate(Stationary(contactsPerHour, agents, patience: null));

        Assert.True(serviceLevel.Covers(analytic.ServiceLevel), $"service level {serviceLevel} vs Erlang C {analytic.ServiceLevel}");
        Assert.True(wait.Covers(analytic.AverageSpeedOfAnswerSeconds), $"ASA {wait} vs Erlang C {analytic.AverageSpeedOfAnswerSeconds}");
        Assert.True(occupancy.Covers(analytic.Occupancy), $"occupancy {occupancy} vs Erlang C {analytic.Occupancy}");
        Assert.Equal(0, abandonment.Mean);
    }

    [Theory]
    [InlineData(200, 10, 5)]
    [InlineData(200, 8, 2)]
    [InlineData(2_000, 95, 3)]
    public void Run_StationaryErlangAQueue_AgreesWithErlangAWithinConfidenceInterval(double contactsPerHour, int agents, double patienceMinutes)
    {
        var workload = new Workload(contactsPerHour, TimeSpan.FromHours(1), ThreeMinutes);
        var patience = TimeSpan.FromMinutes(patienceMinutes);
        var analytic = ErlangA.Evaluate(workload, agents, patience, TwentySeconds);

        var (serviceLevel, wait, abandonment, occupancy) = Replicate(Stationary(contactsPerHour, agents, patience));

        Assert.True(serviceLevel.Covers(analytic.ServiceLevel), $"service level {serviceLevel} vs Erlang A {analytic.ServiceLevel}");
        Assert.True(wait.Covers(analytic.AverageSpeedOfAnswerSeconds), $"ASA {wait} vs Erlang A {analytic.AverageSpeedOfAnswerSeconds}");
        Assert.True(abandonment.Covers(analytic.AbandonmentProbability), $"abandonment {abandonment} vs Erlang A {analytic.AbandonmentProbability}");
        Assert.True(occupancy.Covers(analytic.Occupancy), $"occupancy {occupancy} vs Erlang A {analytic.Occupancy}");
    }

    [Fact]
    public void Run_AnyDay_SatisfiesLittlesLawOnTheSamplePath()
    {
        // ∫ queue dt = Σ waits for the contacts of the day, so time-average queue = arrivals per second × mean wait
        // (up to the few contacts still waiting at close).
        var scenario = Stationary(2_000, 100, TimeSpan.FromMinutes(3)) with { Seed = 11 };

        var day = Simulate(scenario).Day;

        var arrivalsPerSecond = day.Offered / day.Length.TotalSeconds;
        Assert.Equal(day.AverageQueueLength, arrivalsPerSecond * day.Waits.AverageSeconds, day.AverageQueueLength * 0.005);
    }

    [Fact]
    public void Run_SameSeed_GivesTheSameDayToTheLastContact()
    {
        var scenario = BusyDay() with { Seed = 2024 };

        var first = Simulate(scenario);
        var second = Simulate(scenario);

        Assert.Equal(first.Day, second.Day);
        Assert.Equal(first.Intervals, second.Intervals);
    }

    [Fact]
    public void Run_DifferentSeeds_GiveDifferentDays()
    {
        var first = Simulate(BusyDay() with { Seed = 1 });
        var second = Simulate(BusyDay() with { Seed = 2 });

        Assert.NotEqual(first.Day, second.Day);
    }

    [Fact]
    public void Run_SameSeedDifferentPlans_MeetTheSameCallers()
    {
        // Common random numbers: a what-if of 80 against 40 agents compares plans, not luck.
        var eighty = BusyDay() with { AgentsPerInterval = Enumerable.Repeat(80, 16).ToArray() };
        var forty = eighty with { AgentsPerInterval = Enumerable.Repeat(40, 16).ToArray() };

        var withEighty = Simulate(eighty);
        var withForty = Simulate(forty);

        Assert.Equal(withEighty.Intervals.Select(i => i.Offered), withForty.Intervals.Select(i => i.Offered));
        Assert.True(withForty.Day.Waits.P95Seconds > withEighty.Day.Waits.P95Seconds);
        Assert.True(withForty.Day.AbandonmentRate > withEighty.Day.AbandonmentRate);
    }

    [Fact]
    public void Run_PlanRisesAfterAnUnstaffedInterval_NewAgentsTakeTheQueuedContacts()
    {
        var scenario = new SimulationScenario
        {
            IntervalLength = TimeSpan.FromMinutes(30),
            Forecast = [new IntervalForecast(60, ThreeMinutes), new IntervalForecast(60, ThreeMinutes)],
            AgentsPerInterval = [0, 10],
            Seed = 5,
        };

        var result = Simulate(scenario);

        var unstaffed = result.Intervals[0];
        Assert.Equal(unstaffed.Offered, unstaffed.Answered);
        Assert.Equal(0, unstaffed.AverageStaffedAgents);
        Assert.Equal(0, unstaffed.AnsweredWithinTarget);
        Assert.Equal(unstaffed.Offered, unstaffed.LongestQueue);
        Assert.True(result.Intervals[1].LongestQueue >= unstaffed.Offered, "the carried-over queue counts in the next interval");
        Assert.Equal(result.Day.Offered, result.Day.Answered);
    }

    [Fact]
    public void Run_PlanFalls_BusyAgentsFinishTheirContactsBeforeLeaving()
    {
        // 20 agents on 30-minute contacts drop to 2: the 18 leavers stay until their contact ends,
        // so the second interval is staffed well above 2 on average, but below 20.
        var scenario = new SimulationScenario
        {
            IntervalLength = TimeSpan.FromMinutes(30),
            Forecast = [new IntervalForecast(40, TimeSpan.FromMinutes(30)), new IntervalForecast(0, TimeSpan.FromMinutes(30))],
            AgentsPerInterval = [20, 2],
            Seed = 3,
        };

        var second = Simulate(scenario).Intervals[1];

        Assert.InRange(second.AverageStaffedAgents, 4, 19);
        Assert.Equal(1, second.Occupancy, 1e-9);
    }

    [Fact]
    public void Run_NobodyStaffedAtClose_CountsContactsStillWaitingAsAbandoned()
    {
        var scenario = new SimulationScenario
        {
            IntervalLength = TimeSpan.FromMinutes(15),
            Forecast = [new IntervalForecast(30, ThreeMinutes)],
            AgentsPerInterval = [0],
            Seed = 8,
        };

        var day = Simulate(scenario).Day;

        Assert.True(day.Offered > 0);
        Assert.Equal(day.Offered, day.Abandoned);
        Assert.Equal(0, day.ServiceLevel);
        Assert.InRange(day.Waits.MaxSeconds, 1, 15 * 60);
    }

    [Fact]
    public void Run_CallbackOfferedToEveryoneWhoMustWait_NobodyHangsUpAndEveryoneIsCalledBack()
    {
        var overloaded = Stationary(400, 18, TimeSpan.FromMinutes(1)) with
        {
            Forecast = Enumerable.Repeat(new IntervalForecast(400, ThreeMinutes), 8).ToArray(),
            AgentsPerInterval = Enumerable.Repeat(18, 8).ToArray(),
        };
        var withCallbacks = overloaded with { Callback = new CallbackOffer(TimeSpan.Zero, 1) };

        var without = Simulate(overloaded).Day;
        var with = Simulate(withCallbacks).Day;

        Assert.True(without.Abandoned > 0);
        Assert.Equal(0, with.Abandoned);
        Assert.True(with.CallbacksAccepted > 0);
        Assert.Equal(with.Offered, with.Answered);
    }

    [Fact]
    public void Run_CallbackOnlyAboveTheThreshold_IsOfferedOnlyWhenTheAnnouncedWaitIsLong()
    {
        var scenario = Stationary(200, 12, TimeSpan.FromMinutes(5)) with
        {
            Callback = new CallbackOffer(TimeSpan.FromHours(10), 1),
        };

        var day = Simulate(scenario).Day;

        Assert.Equal(0, day.CallbacksAccepted);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.5)]
    [InlineData(0)]
    public void Run_LogNormalHandleTimes_KeepTheForecastAverage(double coefficientOfVariation)
    {
        // With agents to spare nobody waits, so busy agents on average = offered load = 50 Erlangs.
        var scenario = Stationary(1_000, 200, patience: null) with
        {
            HandleTimes = HandleTimeDistribution.LogNormal(coefficientOfVariation),
        };

        var day = Simulate(scenario).Day;

        var busyAgents = day.Occupancy * day.AverageStaffedAgents;
        var offeredLoad = day.Offered * ThreeMinutes.TotalSeconds / day.Length.TotalSeconds;
        Assert.Equal(offeredLoad, busyAgents, offeredLoad * 0.03);
    }

    [Fact]
    public void Run_WithProgress_ReportsRisingSharesEndingAtOne()
    {
        var progress = new RecordingProgress();

        ContactCentreSimulation.Run(Stationary(20_000, 1_050, patience: null), progress, TestContext.Current.CancellationToken);

        Assert.True(progress.Reports.Count > 3);
        Assert.Equal(0, progress.Reports[0]);
        Assert.Equal(1, progress.Reports[^1]);
        Assert.Equal(progress.Reports.Order(), progress.Reports);
    }

    [Fact]
    public void Run_Cancelled_Stops()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(
            () => ContactCentreSimulation.Run(Stationary(20_000, 1_050, patience: null), cancellationToken: cancellation.Token));
    }

    [Fact]
    public void Run_PlanShorterThanForecast_IsRefusedInPlainEnglish()
    {
        var scenario = BusyDay() with { AgentsPerInterval = [10, 10] };

        var error = Assert.Throws<StaffingInputException>(() => Simulate(scenario));

        Assert.Equal(
            "the staffing plan has 2 intervals but the forecast has 16; give one number of agents per forecast interval",
            error.Message);
    }

    [Fact]
    public void Run_NegativeAgents_IsRefused()
    {
        var scenario = BusyDay() with { AgentsPerInterval = Enumerable.Repeat(-1, 16).ToArray() };

        Assert.Throws<StaffingInputException>(() => Simulate(scenario));
    }

    private static SimulationResult Simulate(SimulationScenario scenario) =>
        ContactCentreSimulation.Run(scenario, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>A steady day: 24 hourly intervals with one load and one staffing.</summary>
    private static SimulationScenario Stationary(double contactsPerHour, int agents, TimeSpan? patience) => new()
    {
        IntervalLength = TimeSpan.FromHours(1),
        Forecast = Enumerable.Repeat(new IntervalForecast(contactsPerHour, ThreeMinutes), 24).ToArray(),
        AgentsPerInterval = Enumerable.Repeat(agents, 24).ToArray(),
        AveragePatience = patience,
        AnswerWithin = TwentySeconds,
    };

    /// <summary>A 08:00–16:00 day in half hours with a morning peak, log-normal handle times and impatient callers.</summary>
    private static SimulationScenario BusyDay()
    {
        double[] contacts = [300, 500, 700, 800, 750, 650, 600, 550, 500, 600, 650, 600, 500, 400, 300, 200];
        return new SimulationScenario
        {
            IntervalLength = TimeSpan.FromMinutes(30),
            Forecast = contacts.Select(c => new IntervalForecast(c, TimeSpan.FromSeconds(240))).ToArray(),
            AgentsPerInterval = contacts.Select(c => (int)(c * 240 / 1800) + 5).ToArray(),
            HandleTimes = HandleTimeDistribution.LogNormal(0.8),
            AveragePatience = TimeSpan.FromMinutes(4),
            Callback = new CallbackOffer(TimeSpan.FromMinutes(5), 0.4),
        };
    }

    /// <summary>
    /// 30 independent days (seeds 1–30), each reduced to one estimate per metric over its intervals after a
    /// two-hour warm-up from an empty centre; the days are the replications of the confidence interval.
    /// </summary>
    private static (Replications ServiceLevel, Replications Wait, Replications Abandonment, Replications Occupancy) Replicate(
        SimulationScenario scenario)
    {
        const int Days = 30, WarmUpIntervals = 2;
        var serviceLevel = new List<double>();
        var wait = new List<double>();
        var abandonment = new List<double>();
        var occupancy = new List<double>();
        for (var seed = 1UL; seed <= Days; seed++)
        {
            var steady = Simulate(scenario with { Seed = seed }).Intervals.Skip(WarmUpIntervals).ToList();
            double offered = steady.Sum(i => i.Offered);
            serviceLevel.Add(steady.Sum(i => i.AnsweredWithinTarget) / offered);
            wait.Add(steady.Sum(i => i.Waits.AverageSeconds * i.Offered) / offered);
            abandonment.Add(steady.Sum(i => i.Abandoned) / offered);
            occupancy.Add(steady.Average(i => i.Occupancy));
        }
        return (new Replications(serviceLevel), new Replications(wait), new Replications(abandonment), new Replications(occupancy));
    }
}
