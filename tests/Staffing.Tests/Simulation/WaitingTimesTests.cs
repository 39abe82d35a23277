using Moment.Staffing.Simulation;

namespace Moment.Staffing.Tests.Simulation;

public sealed class WaitingTimesTests
{
    [Fact]
    public void FromSorted_OneToTen_UsesNearestRankPercentiles()
    {
        float[] waits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        var times = WaitingTimes.FromSorted(waits);

        Assert.Equal(new WaitingTimes(5.5, 5, 8, 10, 10), times);
    }

    [Fact]
    public void FromSorted_SingleContact_EveryPercentileIsItsWait()
    {
        var times = WaitingTimes.FromSorted([42f]);

        Assert.Equal(new WaitingTimes(42, 42, 42, 42, 42), times);
    }

    [Fact]
    public void FromSorted_NoContacts_IsAllZero()
    {
        Assert.Equal(new WaitingTimes(0, 0, 0, 0, 0), WaitingTimes.FromSorted([]));
    }
}
