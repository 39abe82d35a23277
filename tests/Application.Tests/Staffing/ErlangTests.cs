using Moment.Application.Staffing;
using Moment.Domain;

namespace Moment.Application.Tests.Staffing;

/// <summary>The Erlang questions as the command line and the API ask them (the formulas themselves are tested in Staffing.Tests).</summary>
public sealed class ErlangTests
{
    private static ErlangRequest Example => new()
    {
        Contacts = 100,
        Interval = TimeSpan.FromMinutes(30),
        AverageHandleTime = TimeSpan.FromMinutes(3),
    };

    [Fact]
    public void ErlangC_CallCentreHelperExample_Needs14AgentsAnd20AfterShrinkage()
    {
        var answer = new CalculateErlangC().Handle(Example with { TargetServiceLevelPercent = 80, Shrinkage = 0.3, MaxOccupancy = 0.85 });

        Assert.Equal(14, answer.RawAgents);
        Assert.Equal(20, answer.Agents);
        Assert.Equal(10, answer.OfferedLoadErlangs, 9);
        Assert.True(answer.ServiceLevel >= 0.8);
        Assert.Equal(10.0 / 14, answer.Occupancy, 9);
        Assert.Equal(20, answer.AnswerWithinSeconds);
        Assert.True(answer.MeetsTargets);
    }

    [Fact]
    public void ErlangC_OnlyAnOccupancyTarget_ReportsTheServiceLevelAtTheAnswerTimeAsked()
    {
        var answer = new CalculateErlangC().Handle(Example with { MaxOccupancy = 0.85, AnswerWithin = TimeSpan.FromSeconds(30) });
        var evaluated = new CalculateErlangC().Handle(Example with { Agents = answer.RawAgents, AnswerWithin = TimeSpan.FromSeconds(30) });

        Assert.Equal(evaluated.ServiceLevel, answer.ServiceLevel);
        Assert.Null(evaluated.RawAgents);
        Assert.Null(evaluated.MeetsTargets);
    }

    [Fact]
    public void ErlangC_FewerAgentsThanErlangs_IsRefusedAsUnstable()
    {
        var error = Assert.Throws<DomainRuleException>(() => new CalculateErlangC().Handle(Example with { Agents = 10 }));

        Assert.Equal("Agents", error.Field);
        Assert.StartsWith("Unstable: the queue grows without bound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErlangC_NeitherAgentsNorTargets_IsRefused()
    {
        var error = Assert.Throws<DomainRuleException>(() => new CalculateErlangC().Handle(Example));

        Assert.Equal("Target", error.Field);
    }

    [Theory]
    [InlineData(-1, 30, 3, "Contacts")]
    [InlineData(100, 0, 3, "Interval")]
    [InlineData(100, 30, 0, "Aht")]
    public void ErlangC_BadWorkload_NamesTheField(double contacts, int intervalMinutes, int ahtMinutes, string field)
    {
        var request = new ErlangRequest
        {
            Contacts = contacts,
            Interval = TimeSpan.FromMinutes(intervalMinutes),
            AverageHandleTime = TimeSpan.FromMinutes(ahtMinutes),
            Agents = 20,
        };

        Assert.Equal(field, Assert.Throws<DomainRuleException>(() => new CalculateErlangC().Handle(request)).Field);
    }

    [Fact]
    public void ErlangA_FourteenAgents_HasSomeAbandonmentAndBeatsErlangCsWait()
    {
        var erlangA = new CalculateErlangA().Handle(Example with { Agents = 14, AveragePatience = TimeSpan.FromMinutes(5) });
        var erlangC = new CalculateErlangC().Handle(Example with { Agents = 14 });

        Assert.InRange(erlangA.AbandonmentProbability, 0.0001, 0.05);
        Assert.True(erlangA.AverageSpeedOfAnswerSeconds < erlangC.AverageSpeedOfAnswerSeconds);
        Assert.Equal(0, erlangC.AbandonmentProbability);
    }

    [Fact]
    public void ErlangA_MaxAbandonmentTarget_FindsAgentsThatMeetIt()
    {
        var answer = new CalculateErlangA().Handle(Example with
        {
            AveragePatience = TimeSpan.FromMinutes(1),
            MaxAbandonment = 0.01,
            TargetServiceLevelPercent = 80,
            Shrinkage = 0.3,
        });

        Assert.True(answer.AbandonmentProbability <= 0.01);
        Assert.True(answer.ServiceLevel >= 0.8);
        var oneFewer = new CalculateErlangA().Handle(Example with { AveragePatience = TimeSpan.FromMinutes(1), Agents = answer.RawAgents - 1 });
        Assert.True(oneFewer.AbandonmentProbability > 0.01 || oneFewer.ServiceLevel < 0.8);
    }

    [Fact]
    public void ErlangA_WithoutPatience_IsRefusedNamingPatience()
    {
        Assert.Equal("Patience", Assert.Throws<DomainRuleException>(() => new CalculateErlangA().Handle(Example with { Agents = 14 })).Field);
    }

    [Theory]
    [InlineData("19.8s", 19.8)]
    [InlineData("3m", 180)]
    [InlineData("1.5h", 5400)]
    [InlineData("4m30s", 270)]
    [InlineData(" 20S ", 20)]
    public void DurationText_WithUnit_IsRead(string text, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), DurationText.Parse(text, "Aht"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("20")]
    [InlineData("-3m")]
    [InlineData("3 minutes")]
    [InlineData("1.2.3s")]
    [InlineData("25h")]
    public void DurationText_NotADuration_IsRefusedNamingTheField(string text)
    {
        Assert.Equal("Aht", Assert.Throws<DomainRuleException>(() => DurationText.Parse(text, "Aht")).Field);
    }

    [Fact]
    public void ServiceLevelTargetText_PercentAndTime_AreRead()
    {
        Assert.Equal(new ServiceLevelTargetText(80, TimeSpan.FromSeconds(20)), ServiceLevelTargetText.Parse("80/20s", "Target"));
        Assert.Equal(new ServiceLevelTargetText(null, TimeSpan.FromSeconds(20)), ServiceLevelTargetText.Parse("20s", "Target"));
        Assert.Equal("Target", Assert.Throws<DomainRuleException>(() => ServiceLevelTargetText.Parse("120/20s", "Target")).Field);
    }
}
