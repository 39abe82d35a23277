using Moment.Domain;
using Moment.Domain.Staffing;
using Moment.Staffing;
using Moment.Staffing.Simulation;

namespace Moment.Application.Staffing;

/// <summary>The forecast, the plans to compare on it, and what to assume.</summary>
public sealed record WhatIfRequest(StaffingForecast Forecast, IReadOnlyList<StaffingPlan> Plans, WhatIfAssumptions Assumptions);

/// <summary>
/// The staffing what-if: every plan simulated on the same forecast, with the same callers (common random numbers),
/// for <see cref="WhatIfAssumptions.Replications"/> days, and averaged. The simulation (not Erlang A per interval)
/// carries a queue from one interval into the next, which is what an understaffed morning does.
/// </summary>
/// <remarks>
/// Averaging over days: counts are means; service level, average wait and occupancy are pooled (total answered in
/// time ÷ total offered, and so on); the 95th-percentile wait is the mean of each day's. Handle times are exponential
/// and patience exponential, the Erlang A assumptions.
/// </remarks>
public sealed class CompareStaffingPlans
{
    public const int MaxPlans = 6;

    /// <summary>Contacts simulated per request at most (forecast × plans × days), to keep one what-if within a second or two.</summary>
    public const double MaxSimulatedContacts = 5_000_000;

    public WhatIfResult Handle(WhatIfRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (forecast, plans, assumptions) = request;
        if (plans.Count == 0)
            throw new DomainRuleException("Give at least one plan to compare.", "Plans");
        if (plans.Count > MaxPlans)
            throw new DomainRuleException("Compare at most {0} plans at a time.", "Plans", MaxPlans);
        if (plans.FirstOrDefault(p => p.AgentsPerInterval.Count != forecast.Intervals.Count) is { } misfit)
        {
            throw new DomainRuleException(
                "A plan has {0} intervals but the forecast has {1}: give one number of agents per interval.",
                "Plans", misfit.AgentsPerInterval.Count, forecast.Intervals.Count);
        }
        if (forecast.Contacts * plans.Count * assumptions.Replications > MaxSimulatedContacts)
        {
            throw new DomainRuleException(
                "This what-if would simulate more than 5 million contacts: use fewer plans or simulated days, or the command line (moment staffing simulate).",
                "Forecast");
        }

        var outcomes = plans.Select(plan => Simulate(forecast, plan, assumptions, cancellationToken)).ToList();
        return new WhatIfResult(forecast, assumptions, outcomes);
    }

    private static PlanOutcome Simulate(StaffingForecast forecast, StaffingPlan plan, WhatIfAssumptions assumptions, CancellationToken cancellationToken)
    {
        var intervalForecast = forecast.Intervals.Select(i => new IntervalForecast(i.Contacts, i.AverageHandleTime)).ToList();
        var days = new List<SimulationResult>(assumptions.Replications);
        for (var day = 0; day < assumptions.Replications; day++)
        {
            var scenario = new SimulationScenario
            {
                IntervalLength = forecast.IntervalLength,
                Forecast = intervalForecast,
                AgentsPerInterval = plan.AgentsPerInterval,
                AveragePatience = assumptions.AveragePatience,
                AnswerWithin = assumptions.AnswerWithin,
                Seed = (ulong)assumptions.Seed + (ulong)day,
            };
            try
            {
                days.Add(ContactCentreSimulation.Run(scenario, cancellationToken: cancellationToken));
            }
            catch (StaffingInputException input)
            {
                throw StaffingMessages.Refusal(input, null);
            }
        }

        var intervals = forecast.Intervals
            .Select((interval, i) => Average(interval.Start, days.Select(d => d.Intervals[i]).ToList()))
            .ToList();
        var whole = Average(forecast.Intervals[0].Start, days.Select(d => d.Day).ToList());
        return new PlanOutcome(plan, intervals, whole, assumptions.CostOf(whole.Abandoned));
    }

    private static PeriodOutcome Average(TimeOnly start, IReadOnlyList<SimulatedPeriod> days)
    {
        double offered = days.Sum(d => d.Offered);
        double abandoned = days.Sum(d => d.Abandoned);
        double inTime = days.Sum(d => d.AnsweredWithinTarget);
        var waited = days.Sum(d => d.Waits.AverageSeconds * d.Offered);
        var staffed = days.Sum(d => d.AverageStaffedAgents);
        var busy = days.Sum(d => d.AverageStaffedAgents * d.Occupancy);
        var withCallers = days.Where(d => d.Offered > 0).ToList();
        return new PeriodOutcome(
            Start: start,
            Offered: offered / days.Count,
            Abandoned: abandoned / days.Count,
            ServiceLevel: offered > 0 ? inTime / offered : 1,
            AverageWaitSeconds: offered > 0 ? waited / offered : 0,
            P95WaitSeconds: withCallers.Count > 0 ? withCallers.Average(d => d.Waits.P95Seconds) : 0,
            Occupancy: staffed > 0 ? busy / staffed : 0);
    }
}
