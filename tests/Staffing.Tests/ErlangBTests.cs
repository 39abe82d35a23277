namespace Moment.Staffing.Tests;

public sealed class ErlangBTests
{
    [Fact]
    public void BlockingProbability_TenTrunksAtPublishedOnePercentLoad_IsOnePercent()
    {
        // Standard Erlang B tables (the telephone-traffic tables every traffic textbook prints):
        // 10 circuits carry 4.46 Erlangs at 1 % blocking, and 5 Erlangs on 10 circuits block 1.84 %.
        Assert.Equal(0.010, ErlangB.BlockingProbability(10, 4.46), 0.0005);
        Assert.Equal(0.0184, ErlangB.BlockingProbability(10, 5), 0.00005);
    }

    [Fact]
    public void BlockingProbability_OneTrunkOneErlang_IsOneHalf()
    {
        // B(1, A) = A / (1 + A).
        Assert.Equal(0.5, ErlangB.BlockingProbability(1, 1), 1e-15);
    }

    [Theory]
    [InlineData(1, 0.3)]
    [InlineData(7, 2.5)]
    [InlineData(55, 48)]
    [InlineData(200, 150)]
    [InlineData(200, 260)]
    [InlineData(1_000, 998.7)]
    [InlineData(50_000, 49_990)]
    [InlineData(50_000, 45_000)]
    [InlineData(3, 900)]
    public void BlockingProbability_AnyLoad_MatchesJagermanRecursionFromZero(int agents, double load)
    {
        // The truncated top-down sum against the textbook forward recursion B(k) = A·B(k−1)/(k + A·B(k−1)).
        var expected = 1.0;
        for (var k = 1; k <= agents; k++)
            expected = load * expected / (k + load * expected);

        var actual = ErlangB.BlockingProbability(agents, load);

        Assert.Equal(expected, actual, Math.Max(1e-300, expected * 1e-12));
    }

    [Fact]
    public void BlockingProbability_FarMoreAgentsThanLoad_IsZeroNotNaN()
    {
        var blocking = ErlangB.BlockingProbability(50_000, 10);

        Assert.Equal(0, blocking);
    }

    [Fact]
    public void BlockingProbability_NoAgents_BlocksEverything()
    {
        Assert.Equal(1, ErlangB.BlockingProbability(0, 3));
    }

    [Fact]
    public void BlockingProbability_NegativeLoad_ThrowsInPlainEnglish()
    {
        var error = Assert.Throws<StaffingInputException>(() => ErlangB.BlockingProbability(5, -1));

        Assert.Contains("offered load", error.Message, StringComparison.Ordinal);
    }
}
