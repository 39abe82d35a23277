using Microsoft.Extensions.Time.Testing;
using Moment.Domain.Absences;

namespace Moment.Domain.Tests.Absences;

/// <summary>Principle 12: an absence has a named stand-in and runs planned → started → ended.</summary>
public sealed class AbsenceTests
{
    private static readonly Guid Kim = Guid.NewGuid();
    private static readonly Guid Erik = Guid.NewGuid();
    private static readonly Guid Sara = Guid.NewGuid();

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _time.GetUtcNow();

    [Fact]
    public void Plan_WithAStandIn_IsPlanned()
    {
        var absence = Absence.Plan(Kim, Erik, Now.AddDays(1), Now.AddDays(8), Now);

        Assert.Equal((AbsenceState.Planned, Erik), (absence.State, absence.StandInId));
    }

    [Fact]
    public void Plan_WithYourselfAsStandIn_IsRefusedNamingTheStandIn()
    {
        var error = Assert.Throws<DomainRuleException>(() => Absence.Plan(Kim, Kim, Now.AddDays(1), Now.AddDays(2), Now));

        Assert.Equal("StandIn", error.Field);
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(-3, -1)]
    public void Plan_EndingBeforeItStartsOrInThePast_IsRefusedNamingTheEnd(int fromDays, int toDays)
    {
        var error = Assert.Throws<DomainRuleException>(() => Absence.Plan(Kim, Erik, Now.AddDays(fromDays), Now.AddDays(toDays), Now));

        Assert.Equal("To", error.Field);
    }

    [Fact]
    public void Change_Planned_MovesDatesAndStandIn()
    {
        var absence = Absence.Plan(Kim, Erik, Now.AddDays(1), Now.AddDays(8), Now);

        absence.Change(Sara, Now.AddDays(2), Now.AddDays(9), Now);

        Assert.Equal((Sara, Now.AddDays(2), Now.AddDays(9)), (absence.StandInId, absence.From, absence.To));
    }

    [Fact]
    public void Change_Started_OnlyTheEndCanMove()
    {
        var absence = Absence.Plan(Kim, Erik, Now, Now.AddDays(8), Now);
        absence.Start(Now);

        absence.Change(Erik, absence.From, Now.AddDays(10), Now);

        Assert.Equal(Now.AddDays(10), absence.To);
        Assert.Throws<ConflictException>(() => absence.Change(Sara, absence.From, Now.AddDays(10), Now));
        Assert.Throws<ConflictException>(() => absence.Change(Erik, Now.AddDays(1), Now.AddDays(10), Now));
    }

    [Fact]
    public void Start_Twice_IsRefused()
    {
        var absence = Absence.Plan(Kim, Erik, Now, Now.AddDays(8), Now);
        absence.Start(Now);

        Assert.Equal(AbsenceState.Started, absence.State);
        Assert.Equal(Now, absence.StartedAt);
        Assert.Throws<ConflictException>(() => absence.Start(Now));
    }

    [Fact]
    public void End_EarlyBack_ShortensItAndEndingAgainChangesNothing()
    {
        var absence = Absence.Plan(Kim, Erik, Now, Now.AddDays(8), Now);
        absence.Start(Now);
        _time.Advance(TimeSpan.FromDays(3));

        absence.End(Now);
        var endedAt = absence.EndedAt;
        absence.End(Now.AddDays(1));

        Assert.Equal(AbsenceState.Ended, absence.State);
        Assert.Equal(Now, absence.To);
        Assert.Equal(endedAt, absence.EndedAt);
        Assert.Throws<ConflictException>(() => absence.Change(Erik, absence.From, Now.AddDays(9), Now));
    }
}
