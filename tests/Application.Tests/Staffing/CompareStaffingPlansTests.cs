using Moment.Application.Staffing;
using Moment.Domain;
using Moment.Domain.Staffing;

namespace Moment.Application.Tests.Staffing;

/// <summary>The what-if on the demo forecast tells story 3, and behaves as a comparison must.</summary>
public sealed class CompareStaffingPlansTests
{
    private static readonly WhatIfResult Demo =
        new CompareStaffingPlans().Handle(new WhatIfRequest(DemoForecast.Day, DemoForecast.Plans, DemoForecast.Assumptions));

    [Fact]
    public void Compare_DemoForecastWith40Agents_CallerAtTenWaitsAbout23MinutesAndAboutAThirdHangUp()
    {
        var busiest = DemoForecast.Day.BusiestInterval;
        var at10 = Demo.Plans[1].Intervals[busiest];

        Assert.Equal(new TimeOnly(10, 0), DemoForecast.Day.Intervals[busiest].Start);
        Assert.InRange(at10.AverageWaitSeconds / 60, 21, 25);
        Assert.InRange(at10.AbandonmentRate, 0.28, 0.34);
    }

    [Fact]
    public void Compare_DemoForecastWith80Agents_GivesGoodService()
    {
        var eighty = Demo.Plans[0];

        Assert.True(eighty.Day.ServiceLevel >= 0.95, $"day service level {eighty.Day.ServiceLevel}");
        Assert.True(eighty.Day.AbandonmentRate < 0.005, $"day abandonment {eighty.Day.AbandonmentRate}");
        Assert.All(eighty.Intervals, interval => Assert.True(interval.AverageWaitSeconds < 30, $"{interval.Start}: {interval.AverageWaitSeconds} s"));
    }

    [Fact]
    public void Compare_SameRequestTwice_GivesTheSameResult()
    {
        var again = new CompareStaffingPlans().Handle(new WhatIfRequest(DemoForecast.Day, DemoForecast.Plans, DemoForecast.Assumptions), TestContext.Current.CancellationToken);

        Assert.Equal(Demo.Plans[1].Intervals, again.Plans[1].Intervals);
        Assert.Equal(Demo.Plans[1].Day, again.Plans[1].Day);
    }

    [Fact]
    public void Compare_MoreAgents_NeverWorseForTheSameCallers()
    {
        var plans = new[] { 40, 50, 60, 70, 80 }.Select(n => StaffingPlan.Constant(n, DemoForecast.Day.Intervals.Count)).ToList();

        var result = new CompareStaffingPlans().Handle(new WhatIfRequest(DemoForecast.Day, plans, DemoForecast.Assumptions), TestContext.Current.CancellationToken);

        var days = result.Plans.Select(p => p.Day).ToList();
        for (var i = 1; i < days.Count; i++)
        {
            Assert.True(days[i].AverageWaitSeconds <= days[i - 1].AverageWaitSeconds);
            Assert.True(days[i].Abandoned <= days[i - 1].Abandoned);
            Assert.True(days[i].ServiceLevel >= days[i - 1].ServiceLevel);
            Assert.True(days[i].Occupancy <= days[i - 1].Occupancy);
        }
    }

    [Fact]
    public void Compare_LeakedCost_IsHangUpsTimesCostPlusTheirRepeatContacts()
    {
        var forty = Demo.Plans[1];
        var assumptions = DemoForecast.Assumptions;

        var repeats = forty.Day.Abandoned * assumptions.RepeatContactShare;
        var expected = (decimal)forty.Day.Abandoned * assumptions.CostPerAbandonedContact + (decimal)repeats * assumptions.CostPerRepeatContact;
        Assert.Equal(forty.Day.Abandoned, forty.Leak.AbandonedContacts);
        Assert.Equal(repeats, forty.Leak.RepeatContacts, 9);
        Assert.Equal(decimal.Round(expected, 2), forty.Leak.PerDay);
        Assert.Equal(forty.Leak.PerDay * 250, forty.Leak.PerYear);
        Assert.True(Demo.Plans[0].Leak.PerDay < forty.Leak.PerDay / 100);
    }

    [Fact]
    public void Compare_NobodyHangsUp_NobodyAbandonsAndTheQueueGrows()
    {
        var assumptions = new WhatIfAssumptions(null, TimeSpan.FromSeconds(20), 150, 60, 0.6, replications: 2);

        var result = new CompareStaffingPlans().Handle(new WhatIfRequest(DemoForecast.Day, [DemoForecast.Plans[1]], assumptions), TestContext.Current.CancellationToken);

        Assert.Equal(0, result.Plans[0].Day.Abandoned);
        Assert.Equal(0, result.Plans[0].Leak.PerDay);
        Assert.True(result.Plans[0].Intervals[^1].AverageWaitSeconds > result.Plans[0].Intervals[6].AverageWaitSeconds);
    }

    [Fact]
    public void Compare_PlanWithTheWrongNumberOfIntervals_IsRefusedNamingPlans()
    {
        var error = Assert.Throws<DomainRuleException>(() => new CompareStaffingPlans().Handle(
            new WhatIfRequest(DemoForecast.Day, [StaffingPlan.Constant(40, 3)], DemoForecast.Assumptions), TestContext.Current.CancellationToken));

        Assert.Equal("Plans", error.Field);
        Assert.Contains("26", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TooManyPlans_IsRefused()
    {
        var plans = Enumerable.Range(1, CompareStaffingPlans.MaxPlans + 1).Select(n => StaffingPlan.Constant(n * 10, 26)).ToList();

        var error = Assert.Throws<DomainRuleException>(() => new CompareStaffingPlans().Handle(new WhatIfRequest(DemoForecast.Day, plans, DemoForecast.Assumptions), TestContext.Current.CancellationToken));

        Assert.Equal("Plans", error.Field);
    }
}
