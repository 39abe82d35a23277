using BenchmarkDotNet.Attributes;

namespace Moment.Staffing.Bench;

/// <summary>
/// Required agents for 80 % within 20 s at offered loads whose Erlang C answers are 10, 999 and 49,999 agents
/// (no occupancy cap, so that the service-level search does all the work).
/// </summary>
[MemoryDiagnoser]
public class RequiredAgentsBenchmarks
{
    private static readonly StaffingTargets Targets = new()
    {
        ServiceLevel = ServiceLevelTarget.FromPercent(80, TimeSpan.FromSeconds(20)),
    };

    private Workload workload = null!;

    /// <summary>Offered load in Erlangs (AHT 3 min): 7 → 10 agents, 988 → 999, 49,985 → 49,999 under Erlang C.</summary>
    [Params(7.0, 988.0, 49_985.0)]
    public double OfferedLoadErlangs { get; set; }

    [GlobalSetup]
    public void Setup() =>
        workload = new Workload(OfferedLoadErlangs * 10, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3));

    [Benchmark(Baseline = true)]
    public int ErlangC() => RequiredAgents.Find(workload, Targets).RawAgents;

    [Benchmark]
    public int ErlangAWithThreeMinutePatience() => RequiredAgents.Find(workload, TimeSpan.FromMinutes(3), Targets).RawAgents;
}
