using BenchmarkDotNet.Attributes;
using Moment.Staffing.Simulation;

namespace Moment.Staffing.Bench;

/// <summary>
/// One simulated day of a million contacts: 48 half-hour intervals of 20,833 contacts (AHT 3 min, about 2,083 Erlangs)
/// answered by 2,100 agents, callers with 3 minutes' patience.
/// </summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private const int Intervals = 48;

    private readonly SimulationScenario exponential = new()
    {
        IntervalLength = TimeSpan.FromMinutes(30),
        Forecast = Enumerable.Repeat(new IntervalForecast(1_000_000.0 / Intervals, TimeSpan.FromMinutes(3)), Intervals).ToArray(),
        AgentsPerInterval = Enumerable.Repeat(2_100, Intervals).ToArray(),
        AveragePatience = TimeSpan.FromMinutes(3),
        Seed = 1,
    };

    private readonly SimulationScenario logNormalWithCallbacks;
    private readonly SimulationScenario understaffed;

    public SimulationBenchmarks()
    {
        logNormalWithCallbacks = exponential with
        {
            HandleTimes = HandleTimeDistribution.LogNormal(1.0),
            Callback = new CallbackOffer(TimeSpan.FromSeconds(30), 0.5),
        };
        understaffed = exponential with { AgentsPerInterval = Enumerable.Repeat(1_900, Intervals).ToArray() };
    }

    [Benchmark(Baseline = true)]
    public int MillionContactsExponential() => ContactCentreSimulation.Run(exponential).Day.Offered;

    [Benchmark]
    public int MillionContactsLogNormalWithCallbacks() => ContactCentreSimulation.Run(logNormalWithCallbacks).Day.Offered;

    /// <summary>1,900 agents for about 2,083 Erlangs: a long queue and heavy abandonment all day.</summary>
    [Benchmark]
    public int MillionContactsUnderstaffed() => ContactCentreSimulation.Run(understaffed).Day.Offered;
}
