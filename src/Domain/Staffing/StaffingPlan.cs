namespace Moment.Domain.Staffing;

/// <summary>
/// A staffing plan: the agents taking contacts in each interval of a forecast ("80 agents" all day, or a number per
/// interval). A plan may have a name ("Winter budget"); a plan without one is described by its agents.
/// </summary>
public sealed record StaffingPlan
{
    public const int NameMaxLength = 100;
    public const int MaxAgents = 100_000;

    public StaffingPlan(string? name, IReadOnlyList<int> agentsPerInterval)
    {
        ArgumentNullException.ThrowIfNull(agentsPerInterval);
        if (agentsPerInterval.Count == 0)
            throw new DomainRuleException("A staffing plan needs the agents for at least one interval.", "Plans");
        if (agentsPerInterval.Any(agents => agents is < 0 or > MaxAgents))
            throw new DomainRuleException("A staffing plan may have from 0 to {0} agents in an interval.", "Plans", MaxAgents);
        Name = Text.Optional(name, "Plans", NameMaxLength);
        AgentsPerInterval = [.. agentsPerInterval];
    }

    public string? Name { get; }

    public IReadOnlyList<int> AgentsPerInterval { get; }

    /// <summary>The same number of agents in every interval.</summary>
    public bool IsConstant => AgentsPerInterval.All(agents => agents == AgentsPerInterval[0]);

    /// <summary>The most agents in any interval.</summary>
    public int PeakAgents => AgentsPerInterval.Max();

    public static StaffingPlan Constant(int agents, int intervals, string? name = null) =>
        intervals < 1
            ? throw new DomainRuleException("A staffing plan needs the agents for at least one interval.", "Plans")
            : new(name, Enumerable.Repeat(agents, intervals).ToList());
}
