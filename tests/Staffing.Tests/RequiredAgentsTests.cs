namespace Moment.Staffing.Tests;

public sealed class RequiredAgentsTests
{
    private static readonly Workload HundredPerHalfHour = new(100, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3));
    private static readonly ServiceLevelTarget EightyInTwenty = ServiceLevelTarget.FromPercent(80, TimeSpan.FromSeconds(20));

    [Fact]
    public void Find_IssueCommandLineExample_Needs14RawAnd20ScheduledAgents()
    {
        // `staffing erlang-c --contacts 100 --interval 30m --aht 3m --target 80/20s --shrinkage 0.3 --max-occupancy 0.85`.
        // Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example", has the same inputs and
        // arrives at 14 agents, 20 once 30 % shrinkage is added.
        var targets = new StaffingTargets { ServiceLevel = EightyInTwenty, MaxOccupancy = 0.85 };

        var requirement = RequiredAgents.Find(HundredPerHalfHour, targets, shrinkage: 0.3);

        Assert.Equal(14, requirement.RawAgents);
        Assert.Equal(20, requirement.Agents);
        Assert.Equal(14, requirement.AtRawAgents.Agents);
        Assert.Equal(0.888, requirement.AtRawAgents.ServiceLevel, 0.0005);
        Assert.Equal(TimeSpan.FromSeconds(20), requirement.AtRawAgents.AnswerWithin);
    }

    [Fact]
    public void Find_ErlangAPyworkforceExample_Needs13RawAnd19ScheduledAgents()
    {
        // pyworkforce documentation, guide "Erlang A (abandonment)": 100 per 30 min, AHT 3 min, patience 5 min,
        // 80 % in 20 s, occupancy ≤ 85 %, abandonment ≤ 5 %, shrinkage 30 % → raw_positions 13, positions 19.
        var targets = new StaffingTargets { ServiceLevel = EightyInTwenty, MaxOccupancy = 0.85, MaxAbandonment = 0.05 };

        var requirement = RequiredAgents.Find(HundredPerHalfHour, TimeSpan.FromMinutes(5), targets, shrinkage: 0.3);

        Assert.Equal(13, requirement.RawAgents);
        Assert.Equal(19, requirement.Agents);
        Assert.Equal(0.858, requirement.AtRawAgents.ServiceLevel, 0.0005);
    }

    [Theory]
    [InlineData(40, 180)]
    [InlineData(8_000, 300)]
    [InlineData(500_000, 180)]
    [InlineData(1_000_000, 179)]
    public void Find_ErlangC_IsTheSmallestStaffingMeetingTheTargets(double contactsPerHalfHour, double handleSeconds)
    {
        var workload = new Workload(contactsPerHalfHour, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(handleSeconds));
        var targets = new StaffingTargets { ServiceLevel = EightyInTwenty, MaxAverageSpeedOfAnswer = TimeSpan.FromSeconds(15) };

        var requirement = RequiredAgents.Find(workload, targets);

        var fewer = requirement.RawAgents - 1;
        Assert.True(targets.ServiceLevel!.Fraction <= requirement.AtRawAgents.ServiceLevel);
        Assert.True(requirement.AtRawAgents.AverageSpeedOfAnswerSeconds <= 15);
        Assert.True(fewer <= workload.OfferedLoadErlangs || !Meets(ErlangC.Evaluate(workload, fewer, TimeSpan.FromSeconds(20)), targets));
    }

    [Theory]
    [InlineData(40, 2)]
    [InlineData(8_000, 5)]
    [InlineData(500_000, 3)]
    public void Find_ErlangA_IsTheSmallestStaffingMeetingTheTargets(double contactsPerHalfHour, double patienceMinutes)
    {
        var workload = new Workload(contactsPerHalfHour, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3));
        var patience = TimeSpan.FromMinutes(patienceMinutes);
        var targets = new StaffingTargets { ServiceLevel = EightyInTwenty, MaxAbandonment = 0.03 };

        var requirement = RequiredAgents.Find(workload, patience, targets);

        Assert.True(Meets(requirement.AtRawAgents, targets));
        Assert.Equal(requirement.AtRawAgents, ErlangA.Evaluate(workload, requirement.RawAgents, patience, TimeSpan.FromSeconds(20)));
        Assert.False(Meets(ErlangA.Evaluate(workload, requirement.RawAgents - 1, patience, TimeSpan.FromSeconds(20)), targets));
    }

    [Fact]
    public void Find_ErlangAWithPatientCallers_NeedsNoMoreThanErlangC()
    {
        var targets = new StaffingTargets { ServiceLevel = EightyInTwenty };

        var erlangC = RequiredAgents.Find(HundredPerHalfHour, targets);
        var erlangA = RequiredAgents.Find(HundredPerHalfHour, TimeSpan.FromMinutes(2), targets);

        Assert.True(erlangA.RawAgents <= erlangC.RawAgents);
    }

    [Fact]
    public void Find_MaxOccupancyBinds_StaffsToTheOccupancyBound()
    {
        // A = 100; 80/60 s alone needs ~104 agents, but 85 % occupancy needs ⌈100/0.85⌉ = 118.
        var workload = new Workload(1_000, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3));
        var targets = new StaffingTargets { ServiceLevel = ServiceLevelTarget.FromPercent(80, TimeSpan.FromSeconds(60)), MaxOccupancy = 0.85 };

        var requirement = RequiredAgents.Find(workload, targets);

        Assert.Equal(118, requirement.RawAgents);
    }

    [Fact]
    public void Find_OccupancyExactlyAtTheBound_CountsAsMet()
    {
        // A = 8.5 and 8.5 / 10 = 0.85 exactly: 10 agents, not 11.
        var workload = new Workload(85, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3));

        var requirement = RequiredAgents.Find(workload, new StaffingTargets { MaxOccupancy = 0.85 });

        Assert.Equal(10, requirement.RawAgents);
    }

    [Fact]
    public void Find_NoTargets_GivesTheSmallestStableStaffing()
    {
        var requirement = RequiredAgents.Find(HundredPerHalfHour, new StaffingTargets());

        Assert.Equal(11, requirement.RawAgents);
    }

    [Fact]
    public void Find_NoContacts_NeedsNoAgents()
    {
        var workload = new Workload(0, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(3));

        var requirement = RequiredAgents.Find(workload, new StaffingTargets { ServiceLevel = EightyInTwenty }, 0.3);

        Assert.Equal(0, requirement.RawAgents);
        Assert.Equal(0, requirement.Agents);
    }

    [Fact]
    public void Find_MaxAbandonmentUnderErlangC_IsRefused()
    {
        var targets = new StaffingTargets { MaxAbandonment = 0.05 };

        var error = Assert.Throws<StaffingInputException>(() => RequiredAgents.Find(HundredPerHalfHour, targets));

        Assert.Contains("patience", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(14, 0.3, 20)]
    [InlineData(10, 0.25, 14)]
    [InlineData(7, 0.3, 10)]
    [InlineData(13, 0, 13)]
    [InlineData(0, 0.5, 0)]
    public void WithShrinkage_RawAgents_RoundsUpWithoutFloatingPointArtefacts(int raw, double shrinkage, int expected)
    {
        Assert.Equal(expected, RequiredAgents.WithShrinkage(raw, shrinkage));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void WithShrinkage_ShrinkageOutsideRange_IsRefused(double shrinkage)
    {
        var error = Assert.Throws<StaffingInputException>(() => RequiredAgents.WithShrinkage(10, shrinkage));

        Assert.Contains("shrinkage", error.Message, StringComparison.Ordinal);
    }

    private static bool Meets(QueueMetrics metrics, StaffingTargets targets) =>
        (targets.ServiceLevel is null || metrics.ServiceLevel >= targets.ServiceLevel.Fraction)
        && (targets.MaxOccupancy is null || metrics.Occupancy <= targets.MaxOccupancy)
        && (targets.MaxAbandonment is null || metrics.AbandonmentProbability <= targets.MaxAbandonment)
        && (targets.MaxAverageSpeedOfAnswer is null || metrics.AverageSpeedOfAnswerSeconds <= targets.MaxAverageSpeedOfAnswer.Value.TotalSeconds);
}
