namespace Moment.Staffing.Tests;

public sealed class WorkloadTests
{
    [Fact]
    public void OfferedLoad_HundredCallsOfThreeMinutesPerHalfHour_IsExactlyTenErlangs()
    {
        var workload = new Workload(100, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3));

        Assert.Equal(10, workload.OfferedLoadErlangs);
        Assert.Equal(100.0 / 1800, workload.ArrivalRatePerSecond, 1e-15);
        Assert.Equal(180, workload.AverageHandleTimeSeconds);
    }

    [Fact]
    public void Constructor_NegativeContacts_IsRefusedInPlainEnglish()
    {
        var error = Assert.Throws<StaffingInputException>(() => new Workload(-1, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3)));

        Assert.Equal("the number of contacts must be a number of zero or more (got -1)", error.Message);
    }

    [Fact]
    public void Constructor_ZeroHandleTime_IsRefused()
    {
        var error = Assert.Throws<StaffingInputException>(() => new Workload(10, TimeSpan.FromMinutes(30), TimeSpan.Zero));

        Assert.Equal("the average handle time must be longer than zero (got 0 s)", error.Message);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(0)]
    [InlineData(120)]
    public void ServiceLevelTarget_PercentOutsideOpenRange_IsRefused(double percent)
    {
        var error = Assert.Throws<StaffingInputException>(() => ServiceLevelTarget.FromPercent(percent, TimeSpan.FromSeconds(20)));

        Assert.StartsWith("a service level target must be above 0 % and below 100 %", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StaffingTargets_OccupancyAboveOne_IsRefused()
    {
        var error = Assert.Throws<StaffingInputException>(() => new StaffingTargets { MaxOccupancy = 1.2 });

        Assert.Contains("maximum occupancy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorMessages_UnderSwedishCulture_UseAPointAsDecimalSeparator()
    {
        var original = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("sv-SE");
            var workload = new Workload(100.5, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3));

            var error = Assert.Throws<UnstableQueueException>(() => ErlangC.Evaluate(workload, 10, TimeSpan.FromSeconds(20)));

            Assert.Contains("10.05 Erlangs", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = original;
        }
    }
}
