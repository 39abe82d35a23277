using Moment.Domain;
using Moment.Staffing;

namespace Moment.Application.Staffing;

/// <summary>
/// A question for Erlang C or Erlang A about one interval: the workload, and either the agents to evaluate or the
/// targets to find agents for (or both: then the answer says whether those agents meet the targets).
/// Fractions are 0–1 (0.85), except the service-level target, a percentage (80). Error fields name the API body's properties.
/// </summary>
public sealed record ErlangRequest
{
    public required double Contacts { get; init; }

    public required TimeSpan Interval { get; init; }

    public required TimeSpan AverageHandleTime { get; init; }

    /// <summary>The t in "X % answered within t", for the target and for the service level reported.</summary>
    public TimeSpan AnswerWithin { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The X in "X % answered within t", above 0 and below 100; null for no service-level target.</summary>
    public double? TargetServiceLevelPercent { get; init; }

    public double? MaxOccupancy { get; init; }

    public double? MaxAbandonment { get; init; }

    public TimeSpan? MaxAverageSpeedOfAnswer { get; init; }

    /// <summary>The share of scheduled time not available for contacts, from 0 up to (not including) 1.</summary>
    public double Shrinkage { get; init; }

    /// <summary>The agents to evaluate; null to find the fewest that meet the targets.</summary>
    public int? Agents { get; init; }

    /// <summary>The callers' average patience (Erlang A only).</summary>
    public TimeSpan? AveragePatience { get; init; }

    internal bool HasTargets =>
        TargetServiceLevelPercent is not null || MaxOccupancy is not null || MaxAbandonment is not null || MaxAverageSpeedOfAnswer is not null;

    internal Workload Workload()
    {
        if (!double.IsFinite(Contacts) || Contacts < 0)
            throw new DomainRuleException("The number of contacts must be zero or more.", "Contacts");
        if (Interval <= TimeSpan.Zero)
            throw new DomainRuleException("The interval must be longer than zero.", "Interval");
        if (AverageHandleTime <= TimeSpan.Zero)
            throw new DomainRuleException("The average handle time must be longer than zero.", "Aht");
        if (AnswerWithin < TimeSpan.Zero)
            throw new DomainRuleException("The answer-time target cannot be negative.", "Target");
        if (!double.IsFinite(Shrinkage) || Shrinkage is < 0 or >= 1)
            throw new DomainRuleException("The shrinkage must be at least 0 and below 1 (0.3 for 30 %).", "Shrinkage");
        if (Agents is < 1)
            throw new DomainRuleException("The number of agents must be at least 1.", "Agents");
        return new Workload(Contacts, Interval, AverageHandleTime);
    }

    internal StaffingTargets Targets()
    {
        if (TargetServiceLevelPercent is { } percent && (!double.IsFinite(percent) || percent is <= 0 or >= 100))
            throw new DomainRuleException("The service-level target must be above 0 % and below 100 %.", "TargetServiceLevel");
        if (MaxOccupancy is { } occupancy && (!double.IsFinite(occupancy) || occupancy is <= 0 or > 1))
            throw new DomainRuleException("The maximum occupancy must be above 0 and at most 1 (0.85 for 85 %).", "MaxOccupancy");
        if (MaxAbandonment is { } abandonment && (!double.IsFinite(abandonment) || abandonment is <= 0 or > 1))
            throw new DomainRuleException("The maximum abandonment must be above 0 and at most 1 (0.05 for 5 %).", "MaxAbandonment");
        if (MaxAverageSpeedOfAnswer is { } asa && asa <= TimeSpan.Zero)
            throw new DomainRuleException("The maximum average speed of answer must be longer than zero.", "MaxAverageSpeedOfAnswer");
        return new StaffingTargets
        {
            ServiceLevel = TargetServiceLevelPercent is { } target ? ServiceLevelTarget.FromPercent(target, AnswerWithin) : null,
            MaxOccupancy = MaxOccupancy,
            MaxAbandonment = MaxAbandonment,
            MaxAverageSpeedOfAnswer = MaxAverageSpeedOfAnswer,
        };
    }
}

/// <summary>
/// Erlang C's or Erlang A's answer. <see cref="RawAgents"/> is the fewest agents meeting the targets (null when agents
/// were given), <see cref="Agents"/> the agents to schedule after shrinkage (or the agents given); the figures are for
/// the agents taking contacts. Shares are fractions 0–1; times in seconds.
/// </summary>
public sealed record ErlangAnswer(
    int? RawAgents,
    int Agents,
    double Shrinkage,
    double OfferedLoadErlangs,
    double ServiceLevel,
    double AnswerWithinSeconds,
    double Occupancy,
    double WaitProbability,
    double AverageSpeedOfAnswerSeconds,
    double AbandonmentProbability,
    bool? MeetsTargets)
{
    internal static ErlangAnswer Found(StaffingRequirement requirement, QueueMetrics metrics) =>
        From(metrics, requirement.RawAgents, requirement.Agents, requirement.Shrinkage, meets: true);

    internal static ErlangAnswer Evaluated(QueueMetrics metrics, ErlangRequest request, StaffingTargets targets) =>
        From(metrics, null, metrics.Agents, request.Shrinkage, request.HasTargets ? targets.AreMetBy(metrics) : null);

    private static ErlangAnswer From(QueueMetrics metrics, int? raw, int agents, double shrinkage, bool? meets) => new(
        raw,
        agents,
        shrinkage,
        metrics.OfferedLoadErlangs,
        metrics.ServiceLevel,
        metrics.AnswerWithin.TotalSeconds,
        metrics.Occupancy,
        metrics.WaitProbability,
        metrics.AverageSpeedOfAnswerSeconds,
        metrics.AbandonmentProbability,
        meets);
}
