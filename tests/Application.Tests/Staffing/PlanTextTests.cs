using Moment.Application.Staffing;
using Moment.Domain;
using Moment.Domain.Staffing;

namespace Moment.Application.Tests.Staffing;

/// <summary>Plans as typed on the what-if page (<see cref="PlanLines"/>) and as files for the command line (<see cref="PlanCsv"/>).</summary>
public sealed class PlanTextTests
{
    private static readonly StaffingForecast ThreeHours = ForecastCsv.Parse("09:00,100,3m\n10:00,120,3m\n11:00,90,3m");

    [Fact]
    public void PlanLines_NumbersNamesAndPerIntervalPlans_AreReadInOrder()
    {
        var plans = PlanLines.Parse("80\nWinter budget: 40\n\nLate start: 10 40 40\n", intervals: 3);

        Assert.Equal(3, plans.Count);
        Assert.Null(plans[0].Name);
        Assert.Equal([80, 80, 80], plans[0].AgentsPerInterval);
        Assert.Equal("Winter budget", plans[1].Name);
        Assert.True(plans[1].IsConstant);
        Assert.Equal([10, 40, 40], plans[2].AgentsPerInterval);
        Assert.Equal(plans, PlanLines.Parse(PlanLines.Write(plans), intervals: 3), new PlanComparer());
    }

    [Theory]
    [InlineData("80\nforty", "Line 2: 'forty' is not a number of agents")]
    [InlineData("10 20", "Line 1: give one number of agents for the whole day, or one per interval (3); this line has 2.")]
    [InlineData("", "Give at least one plan")]
    [InlineData("1\n2\n3\n4\n5\n6\n7", "Compare at most 6 plans at a time.")]
    public void PlanLines_Bad_IsRefusedNamingPlans(string text, string expected)
    {
        var error = Assert.Throws<DomainRuleException>(() => PlanLines.Parse(text, intervals: 3));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("Plans", error.Field);
    }

    [Fact]
    public void PlanCsv_OneLinePerInterval_FollowsTheForecast()
    {
        var plan = PlanCsv.Parse("start,agents\n09:00,12\n10:00,14\n11:00,10\n", ThreeHours);

        Assert.Equal([12, 14, 10], plan.AgentsPerInterval);
    }

    [Fact]
    public void PlanCsv_OneNumber_IsTheSameAllDay()
    {
        Assert.Equal([9, 9, 9], PlanCsv.Parse("9\n", ThreeHours).AgentsPerInterval);
    }

    [Fact]
    public void PlanCsv_QuotedFields_FollowTheForecast()
    {
        var plan = PlanCsv.Parse("\"start\";\"agents\"\n\"09:00\";\"12\"\n\"10:00\";14\n11:00;\"10\"\n", ThreeHours);

        Assert.Equal([12, 14, 10], plan.AgentsPerInterval);
    }

    [Theory]
    [InlineData("09:00,12\n10:00,\"14\n11:00,10", "Line 2: a quote opens a field but nothing closes it.")]
    [InlineData("09:00,12\n10:30,14\n11:00,10", "Line 2: expected the interval starting 10:00, as in the forecast.")]
    [InlineData("09:00,12\n10:00,14", "The plan has 2 intervals but the forecast has 3")]
    [InlineData("09:00,12\n10:00,-1\n11:00,3", "Line 2: '-1' is not a number of agents")]
    [InlineData("09:00,12\n10:00,1\n11:00,3\n12:00,3", "Line 4: the forecast has only 3 intervals.")]
    public void PlanCsv_Bad_SaysWhichLine(string csv, string expected)
    {
        var error = Assert.Throws<DomainRuleException>(() => PlanCsv.Parse(csv, ThreeHours));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("Plan", error.Field);
    }

    private sealed class PlanComparer : IEqualityComparer<StaffingPlan>
    {
        public bool Equals(StaffingPlan? x, StaffingPlan? y) =>
            x?.Name == y?.Name && (x?.AgentsPerInterval ?? []).SequenceEqual(y?.AgentsPerInterval ?? []);

        public int GetHashCode(StaffingPlan obj) => obj.AgentsPerInterval.Count;
    }
}
