namespace Moment.Staffing.Tests;

public sealed class PositionWaitTests
{
    [Fact]
    public void Cdf_OfShapeOne_IsTheExponential()
    {
        // Erlang(1, λ) is the exponential: P(T ≤ t) = 1 − e^(−λt).
        Assert.Equal(1 - Math.Exp(-0.5 * 3), PositionWait.Cdf(1, 0.5, 3), 12);
    }

    [Fact]
    public void Quantile_InvertsTheCdf()
    {
        var t = PositionWait.Quantile(5, 0.02, 0.9);

        Assert.Equal(0.9, PositionWait.Cdf(5, 0.02, t), 6);
    }

    [Fact]
    public void TheRange_HoldsTheMeanWait_AndWidensFurtherBackInTheLine()
    {
        // Third in line, 6 places served (2 agents × 3 chats), 4 minutes a chat: the mean wait is 3 × 4 / 6 = 2 minutes.
        var (from, to) = PositionWait.Range(3, 6, TimeSpan.FromMinutes(4), 0.8);
        var (laterFrom, laterTo) = PositionWait.Range(12, 6, TimeSpan.FromMinutes(4), 0.8);

        Assert.InRange(TimeSpan.FromMinutes(2), from, to);
        Assert.True(laterFrom > from && laterTo > to);
    }

    [Fact]
    public void TheRange_HoldsTheCoverageOfSimulatedWaits()
    {
        // The model checked against itself: waits drawn as the sum of k exponential gaps fall inside the range as often as promised.
        var random = new Random(7);
        const int Position = 4, Places = 3;
        var handle = TimeSpan.FromMinutes(5);
        var (from, to) = PositionWait.Range(Position, Places, handle, 0.8);
        var inside = 0;
        const int Draws = 20_000;
        for (var i = 0; i < Draws; i++)
        {
            var wait = 0.0;
            for (var k = 0; k < Position; k++)
                wait += -Math.Log(1 - random.NextDouble()) * handle.TotalSeconds / Places;
            if (wait >= from.TotalSeconds && wait <= to.TotalSeconds)
                inside++;
        }

        Assert.InRange((double)inside / Draws, 0.78, 0.82);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(300)]
    [InlineData(10_000)]
    public void Quantile_InvertsTheCdf_FarBackInALongLine(int position)
    {
        foreach (var p in new[] { 0.075, 0.5, 0.925 })
            Assert.Equal(p, PositionWait.Cdf(position, 0.01, PositionWait.Quantile(position, 0.01, p)), 8);
    }

    [Fact]
    public void TheCdf_OfALongLine_IsTheFullSum()
    {
        // Terms far from the mean are left out of the sum; the whole sum, term by term in logs, must agree.
        const int Shape = 400;
        foreach (var x in new[] { 300.0, 380.0, 400.0, 420.0, 500.0 })
        {
            var sum = 0.0;
            var logTerm = -x;
            for (var n = 0; n < Shape; n++)
            {
                if (n > 0)
                    logTerm += Math.Log(x) - Math.Log(n);
                sum += Math.Exp(logTerm);
            }

            Assert.Equal(1 - sum, PositionWait.Cdf(Shape, 1, x), 10);
        }
    }

    [Fact]
    public void BadInput_IsRefusedInPlainWords()
    {
        Assert.Throws<StaffingInputException>(() => PositionWait.Range(0, 1, TimeSpan.FromMinutes(1)));
        Assert.Throws<StaffingInputException>(() => PositionWait.Range(1, 0, TimeSpan.FromMinutes(1)));
        Assert.Throws<StaffingInputException>(() => PositionWait.Range(1, 1, TimeSpan.Zero));
        Assert.Throws<StaffingInputException>(() => PositionWait.Range(1, 1, TimeSpan.FromMinutes(1), 1));
    }
}
