using Moment.Application.Staffing;
using Moment.Domain.Staffing;

namespace Moment.Web.Features.Staffing;

/// <summary>
/// The what-if page's form, posted to compare plans and again (its fields hidden) to record a decision.
/// It starts from the demo: 80 against 40 agents on the demo forecast.
/// </summary>
public sealed class WhatIfForm
{
    public string? Forecast { get; set; }

    public string Plans { get; set; } = PlanLines.Write(DemoForecast.Plans);

    public double? PatienceMinutes { get; set; } = DemoForecast.Assumptions.AveragePatience?.TotalMinutes;

    public double AnswerWithinSeconds { get; set; } = DemoForecast.Assumptions.AnswerWithin.TotalSeconds;

    public decimal CostPerAbandonedContact { get; set; } = DemoForecast.Assumptions.CostPerAbandonedContact;

    public decimal CostPerRepeatContact { get; set; } = DemoForecast.Assumptions.CostPerRepeatContact;

    public double RepeatContactPercent { get; set; } = DemoForecast.Assumptions.RepeatContactShare * 100;

    public int ChosenPlan { get; set; }

    public string? Reason { get; set; }

    public WhatIfRequest ToRequest()
    {
        var forecast = string.IsNullOrWhiteSpace(Forecast) ? DemoForecast.Day : ForecastCsv.Parse(Forecast);
        var plans = PlanLines.Parse(Plans, forecast.Intervals.Count);
        var assumptions = new WhatIfAssumptions(
            PatienceMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null,
            TimeSpan.FromSeconds(AnswerWithinSeconds),
            CostPerAbandonedContact,
            CostPerRepeatContact,
            RepeatContactPercent / 100);
        return new WhatIfRequest(forecast, plans, assumptions);
    }
}
