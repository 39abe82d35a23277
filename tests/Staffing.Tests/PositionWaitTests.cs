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

    [Fact]
    public void BadInput_IsRefusedInPlainWords()
    {
        Assert.Throws<StaffingInputException>(() => PositionWait.Range(0, 1, TimeSpan.FromMinutes(1)));
        Assert.Throws<StaffingInputException>(() => PositionWait.Range(1, 0, TimeSpan.FromMinutes(1)));
        Assert.Throws<StaffingInputException>(() => PositionWait.Range(1, 1, TimeSpan.Zero));
        Assert.Throws<StaffingInputException>(() => PositionWait.Range(1, 1, TimeSpan.FromMinutes(1), 1));
    }
}
