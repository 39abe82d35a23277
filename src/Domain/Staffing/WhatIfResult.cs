namespace Moment.Domain.Staffing;

/// <summary>
/// A staffing what-if: a forecast, the plans compared on it, what was assumed, and what each plan gives
/// (PRODUCT.md principle 11: the consequence shown before the decision, not after).
/// </summary>
public sealed record WhatIfResult
{
    public WhatIfResult(StaffingForecast forecast, WhatIfAssumptions assumptions, IReadOnlyList<PlanOutcome> plans)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(plans);
        if (plans.Count == 0)
            throw new DomainRuleException("A what-if needs at least one staffing plan.", "Plans");
        if (plans.Any(p => p.Intervals.Count != forecast.Intervals.Count))
            throw new DomainRuleException("Every plan needs one outcome per forecast interval.", "Plans");
        Forecast = forecast;
        Assumptions = assumptions;
        Plans = [.. plans];
    }

    public StaffingForecast Forecast { get; }

    public WhatIfAssumptions Assumptions { get; }

    public IReadOnlyList<PlanOutcome> Plans { get; }
}
