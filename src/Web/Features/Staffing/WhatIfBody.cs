using Moment.Application.Staffing;
using Moment.Domain;
using Moment.Domain.Staffing;

namespace Moment.Web.Features.Staffing;

/// <summary>One plan to compare: <c>agents</c> for the same number all day, or <c>agentsPerInterval</c>, one per forecast interval.</summary>
public sealed record PlanBody(string? Name, int? Agents, IReadOnlyList<int>? AgentsPerInterval);

/// <summary>
/// A staffing what-if. <c>forecast</c> is CSV text, one interval a line: start (hh:mm), contacts, average handle time
/// (4m30s); leave it out for the demo forecast. Durations are a number with s, m or h. Left out, the assumptions are the
/// demo's: patience 75m (<c>"none"</c>: nobody hangs up), answered within 20s, 150 per hang-up, 60 per repeat contact,
/// 60 % of those who hang up call again, 10 simulated days from seed 1.
/// </summary>
public sealed record WhatIfBody(
    string? Forecast,
    IReadOnlyList<PlanBody>? Plans,
    string? Patience,
    string? AnswerWithin,
    decimal? CostPerAbandonedContact,
    decimal? CostPerRepeatContact,
    double? RepeatContactShare,
    int? Seed,
    int? Replications)
{
    public WhatIfRequest ToRequest()
    {
        var forecast = string.IsNullOrWhiteSpace(Forecast) ? DemoForecast.Day : ForecastCsv.Parse(Forecast);
        if (Plans is not { Count: > 0 } plans)
            throw new DomainRuleException("Give at least one plan, such as { \"agents\": 80 }.", "Plans");
        var demo = DemoForecast.Assumptions;
        var assumptions = new WhatIfAssumptions(
            Patience is null ? demo.AveragePatience
                : string.Equals(Patience.Trim(), "none", StringComparison.OrdinalIgnoreCase) ? null
                : DurationText.Parse(Patience, "Patience"),
            AnswerWithin is null ? demo.AnswerWithin : DurationText.Parse(AnswerWithin, "AnswerWithin"),
            CostPerAbandonedContact ?? demo.CostPerAbandonedContact,
            CostPerRepeatContact ?? demo.CostPerRepeatContact,
            RepeatContactShare ?? demo.RepeatContactShare,
            Seed ?? demo.Seed,
            Replications ?? demo.Replications);
        return new WhatIfRequest(forecast, plans.Select(plan => Plan(plan, forecast.Intervals.Count)).ToList(), assumptions);
    }

    private static StaffingPlan Plan(PlanBody plan, int intervals) => plan switch
    {
        { Agents: { } agents, AgentsPerInterval: null } => StaffingPlan.Constant(agents, intervals, plan.Name),
        { Agents: null, AgentsPerInterval: { } perInterval } => new StaffingPlan(plan.Name, perInterval),
        _ => throw new DomainRuleException("Give each plan either agents (all day) or agentsPerInterval (one per forecast interval).", "Plans"),
    };
}

/// <summary>A staffing decision: the what-if to freeze with it, the index of the chosen plan in its plans, and why.</summary>
public sealed record DecisionBody(WhatIfBody? WhatIf, int? ChosenPlan, string? Reason);

/// <summary>
/// An Erlang question about one interval. Give <c>agents</c> to evaluate them, or targets to find how many are needed.
/// <c>target</c> is PERCENT/TIME (80/20s) or just the answer time (20s); shares are fractions (0.85).
/// </summary>
public sealed record ErlangBody(
    double? Contacts,
    string? Interval,
    string? Aht,
    string? Target,
    double? TargetServiceLevel,
    double? Shrinkage,
    double? MaxOccupancy,
    double? MaxAbandonment,
    string? MaxAverageSpeedOfAnswer,
    int? Agents,
    string? Patience)
{
    public ErlangRequest ToRequest()
    {
        var target = Target is null ? null : ServiceLevelTargetText.Parse(Target, "Target");
        if (target?.Percent is { } fromTarget && TargetServiceLevel is { } given && fromTarget != given)
            throw new DomainRuleException("target and targetServiceLevel give different service levels; give it once.", "TargetServiceLevel");
        return new ErlangRequest
        {
            Contacts = Contacts ?? throw new DomainRuleException("contacts is required: the contacts arriving in the interval.", "Contacts"),
            Interval = Interval is null ? TimeSpan.FromMinutes(30) : DurationText.Parse(Interval, "Interval"),
            AverageHandleTime = Aht is null
                ? throw new DomainRuleException("aht is required: the average handle time, such as 3m.", "Aht")
                : DurationText.Parse(Aht, "Aht"),
            AnswerWithin = target?.AnswerWithin ?? TimeSpan.FromSeconds(20),
            TargetServiceLevelPercent = target?.Percent ?? TargetServiceLevel,
            MaxOccupancy = MaxOccupancy,
            MaxAbandonment = MaxAbandonment,
            MaxAverageSpeedOfAnswer = MaxAverageSpeedOfAnswer is null ? null : DurationText.Parse(MaxAverageSpeedOfAnswer, "MaxAverageSpeedOfAnswer"),
            Shrinkage = Shrinkage ?? 0,
            Agents = Agents,
            AveragePatience = Patience is null ? null : DurationText.Parse(Patience, "Patience"),
        };
    }
}
