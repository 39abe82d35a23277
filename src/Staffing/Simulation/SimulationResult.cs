namespace Moment.Staffing.Simulation;

/// <summary>The outcome of a simulated day: one period per forecast interval, and the day as a whole.</summary>
/// <param name="Intervals">One entry per forecast interval, in order.</param>
/// <param name="Day">The whole day: counts summed, percentiles over every contact of the day.</param>
public sealed record SimulationResult(IReadOnlyList<SimulatedPeriod> Intervals, SimulatedPeriod Day);
