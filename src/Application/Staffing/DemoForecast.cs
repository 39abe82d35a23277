using Moment.Domain.Staffing;

namespace Moment.Application.Staffing;

/// <summary>
/// The demo operator's phone queue on an ordinary weekday, 07:00–20:00 in half hours: a morning peak at 10:00, a dip at
/// lunch and a second peak at 13:30, 7,146 calls of 4 minutes 30 seconds on average. Callers have no other way to
/// reach the company (the website cannot solve it; story 3), so they are patient: 75 minutes on average.
/// </summary>
/// <remarks>
/// Calibrated with the what-if's own simulation (10 days, seeds 1–10): 80 agents answer 99 % of the day's calls within
/// 20 seconds and nearly nobody hangs up; 40 agents make a caller at 10:00 wait about 23 minutes on average, and about
/// 31 % of the callers then hang up: PRODUCT.md story 3.
/// </remarks>
public static class DemoForecast
{
    public static readonly TimeOnly Opens = new(7, 0);
    public static readonly TimeSpan IntervalLength = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AverageHandleTime = TimeSpan.FromSeconds(270);

    /// <summary>Calls per half hour from 07:00.</summary>
    private static readonly int[] Calls =
    [
        107, 187, 280, 360, 413, 440, 453, 427, 373, 320, 293, 333, 373,
        400, 373, 333, 293, 253, 227, 200, 173, 147, 127, 107, 87, 67,
    ];

    public static StaffingForecast Day { get; } = new(
        IntervalLength,
        Calls.Select((calls, i) => new ForecastInterval(Opens.Add(IntervalLength * i), calls, AverageHandleTime)).ToList());

    /// <summary>The what-if's starting assumptions: patient callers, 80/20 service level, and what a hang-up costs in kronor.</summary>
    public static WhatIfAssumptions Assumptions { get; } = new(
        averagePatience: TimeSpan.FromMinutes(75),
        answerWithin: TimeSpan.FromSeconds(20),
        costPerAbandonedContact: 150m,
        costPerRepeatContact: 60m,
        repeatContactShare: 0.6);

    /// <summary>Before and after the cut of story 3.</summary>
    public static IReadOnlyList<StaffingPlan> Plans { get; } =
        [StaffingPlan.Constant(80, Calls.Length), StaffingPlan.Constant(40, Calls.Length)];
}
