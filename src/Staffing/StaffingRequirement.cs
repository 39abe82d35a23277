namespace Moment.Staffing;

/// <summary>
/// How many agents a workload needs: the raw number taking contacts, and the number to schedule once shrinkage
/// (breaks, training, absence: the share of paid time not available for contacts) is added.
/// </summary>
/// <param name="RawAgents">The smallest n meeting every target.</param>
/// <param name="Agents">⌈<paramref name="RawAgents"/> ÷ (1 − shrinkage)⌉, the agents to schedule.</param>
/// <param name="Shrinkage">The share of scheduled time not available for contacts, 0 ≤ s &lt; 1.</param>
/// <param name="AtRawAgents">The predicted performance with <paramref name="RawAgents"/> agents taking contacts.</param>
public sealed record StaffingRequirement(int RawAgents, int Agents, double Shrinkage, QueueMetrics AtRawAgents);
