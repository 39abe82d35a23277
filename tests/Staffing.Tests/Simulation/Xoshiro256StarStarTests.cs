using Moment.Staffing.Simulation;

namespace Moment.Staffing.Tests.Simulation;

public sealed class Xoshiro256StarStarTests
{
    [Fact]
    public void NextUInt64_ReferenceState_MatchesReferenceImplementationOutput()
    {
        // The reference C implementation (prng.di.unimi.it/xoshiro256starstar.c) from state {1, 2, 3, 4}.
        var generator = new Xoshiro256StarStar(1, 2, 3, 4);

        ulong[] outputs = [generator.NextUInt64(), generator.NextUInt64(), generator.NextUInt64(), generator.NextUInt64()];

        Assert.Equal([11520UL, 0UL, 1509978240UL, 1215971899390074240UL], outputs);
    }

    [Fact]
    public void Stream_SameSeedAndStream_RepeatsExactly()
    {
        var first = Xoshiro256StarStar.Stream(42, 2);
        var second = Xoshiro256StarStar.Stream(42, 2);

        for (var i = 0; i < 1_000; i++)
            Assert.Equal(first.NextUInt64(), second.NextUInt64());
    }

    [Fact]
    public void Stream_DifferentStreams_Differ()
    {
        var arrivals = Xoshiro256StarStar.Stream(42, 0);
        var handleTimes = Xoshiro256StarStar.Stream(42, 1);

        Assert.NotEqual(arrivals.NextUInt64(), handleTimes.NextUInt64());
    }

    [Fact]
    public void NextDouble_ManyDraws_AreUniformOnTheUnitInterval()
    {
        var generator = new Xoshiro256StarStar(7);
        const int Draws = 200_000;
        double sum = 0, sumOfSquares = 0;
        for (var i = 0; i < Draws; i++)
        {
            var u = generator.NextDouble();
            Assert.True(u is >= 0 and < 1);
            sum += u;
            sumOfSquares += u * u;
        }

        // Mean 1/2 and E[U²] = 1/3, each within five standard errors.
        Assert.Equal(0.5, sum / Draws, 5 * Math.Sqrt(1.0 / 12 / Draws));
        Assert.Equal(1.0 / 3, sumOfSquares / Draws, 5 * Math.Sqrt(4.0 / 45 / Draws));
    }
}
