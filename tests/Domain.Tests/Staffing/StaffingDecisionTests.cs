using Moment.Domain.Staffing;

namespace Moment.Domain.Tests.Staffing;

public sealed class StaffingDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Maria = Guid.NewGuid();

    [Fact]
    public void Record_ChosenPlanAndReason_KeepsThemWithTheWhatIf()
    {
        var whatIf = WhatIf(80, 40);

        var decision = StaffingDecision.Record(whatIf, 1, "  Budget 2027.  ", Maria, Now);

        Assert.Equal("Budget 2027.", decision.Reason);
        Assert.Equal(40, decision.Chosen.Plan.PeakAgents);
        Assert.Equal(Maria, decision.DecidedById);
        Assert.Equal(Now, decision.DecidedAt);
        Assert.Same(whatIf, decision.WhatIf);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Record_PlanNotInTheWhatIf_IsRefused(int chosen)
    {
        var error = Assert.Throws<DomainRuleException>(() => StaffingDecision.Record(WhatIf(80, 40), chosen, "Why", Maria, Now));

        Assert.Equal("ChosenPlan", error.Field);
    }

    [Fact]
    public void Record_ReasonTooLong_IsRefused()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            StaffingDecision.Record(WhatIf(80), 0, new string('x', StaffingDecision.ReasonMaxLength + 1), Maria, Now));

        Assert.Equal("Reason", error.Field);
    }

    [Fact]
    public void Forecast_WithAGap_IsRefused()
    {
        var error = Assert.Throws<DomainRuleException>(() => new StaffingForecast(TimeSpan.FromMinutes(30),
            [new ForecastInterval(new TimeOnly(9, 0), 10, TimeSpan.FromMinutes(3)), new ForecastInterval(new TimeOnly(10, 0), 10, TimeSpan.FromMinutes(3))]));

        Assert.Equal("Forecast", error.Field);
    }

    [Fact]
    public void Forecast_OfTwentyMinuteIntervals_IsRefused()
    {
        Assert.Throws<DomainRuleException>(() => new StaffingForecast(TimeSpan.FromMinutes(20), [new ForecastInterval(new TimeOnly(9, 0), 10, TimeSpan.FromMinutes(3))]));
    }

    [Fact]
    public void Forecast_BusiestInterval_IsTheOneWithTheMostWork()
    {
        var forecast = new StaffingForecast(TimeSpan.FromHours(1),
        [
            new ForecastInterval(new TimeOnly(9, 0), 100, TimeSpan.FromMinutes(3)),
            new ForecastInterval(new TimeOnly(10, 0), 80, TimeSpan.FromMinutes(5)),
            new ForecastInterval(new TimeOnly(11, 0), 120, TimeSpan.FromMinutes(3)),
        ]);

        Assert.Equal(1, forecast.BusiestInterval);
    }

    [Fact]
    public void Plan_NegativeAgents_IsRefused()
    {
        Assert.Equal("Plans", Assert.Throws<DomainRuleException>(() => new StaffingPlan(null, [3, -1])).Field);
    }

    [Fact]
    public void Assumptions_CostOf_HangUpsAndTheirRepeatContacts()
    {
        var assumptions = new WhatIfAssumptions(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(20), 150m, 60m, 0.5);

        var cost = assumptions.CostOf(100);

        Assert.Equal(new LeakedCost(100, 50, 100 * 150m + 50 * 60m), cost);
        Assert.Equal(cost.PerDay * WhatIfAssumptions.WorkingDaysPerYear, cost.PerYear);
    }

    private static WhatIfResult WhatIf(params int[] agents)
    {
        var forecast = new StaffingForecast(TimeSpan.FromHours(1), [new ForecastInterval(new TimeOnly(9, 0), 100, TimeSpan.FromMinutes(3))]);
        var assumptions = new WhatIfAssumptions(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(20), 150m, 60m, 0.5);
        var period = new PeriodOutcome(new TimeOnly(9, 0), 100, 1, 0.9, 5, 30, 0.8);
        return new WhatIfResult(forecast, assumptions,
            agents.Select(n => new PlanOutcome(StaffingPlan.Constant(n, 1), [period], period, assumptions.CostOf(1))).ToList());
    }
}
