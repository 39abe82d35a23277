namespace Moment.Domain.Staffing;

/// <summary>What one staffing plan gives: per interval, for the whole day, and the cost that leaks from its hang-ups.</summary>
public sealed record PlanOutcome(StaffingPlan Plan, IReadOnlyList<PeriodOutcome> Intervals, PeriodOutcome Day, LeakedCost Leak);
