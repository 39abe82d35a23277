using Microsoft.Extensions.Time.Testing;
using Moment.Domain.Calendar;
using Moment.Domain.Cases;

namespace Moment.Domain.Tests.Cases;

/// <summary>Principle 12 on a case: the stand-in takes what the away person holds, and gives back what they choose.</summary>
public sealed class CoverTests
{
    private static readonly Guid Kim = Guid.NewGuid();       // away, Nordbygg's regular contact
    private static readonly Guid Erik = Guid.NewGuid();      // Kim's stand-in
    private static readonly Guid Sara = Guid.NewGuid();
    private static readonly Guid Team = Guid.NewGuid();

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _time.GetUtcNow();

    [Fact]
    public void CoverFor_OwnedCase_MovesToTheStandInWithAPublicTimelineEntry()
    {
        var @case = Register(Kim);

        var moved = @case.CoverFor(Kim, Erik, Now);

        Assert.True(moved);
        Assert.Equal(Erik, @case.OwnerId);
        Assert.Equal(Kim, @case.CoveringForId);
        var entry = @case.Timeline[^1];
        Assert.Equal(CaseEventKind.CoverStarted, entry.Kind);
        Assert.True(entry.IsPublic);
        Assert.Equal((Erik, Kim), (entry.SubjectUserId!.Value, entry.CoveringForId!.Value));
    }

    [Fact]
    public void CoverFor_Twice_MovesOnce()
    {
        var @case = Register(Kim);
        @case.MakeCommitment(Kim, CommitmentKind.CallBack, null, Kim, Team, Now.AddDays(1), Door.Phone, Now);

        @case.CoverFor(Kim, Erik, Now);
        var again = @case.CoverFor(Kim, Erik, Now);

        Assert.False(again);
        Assert.Equal(2, @case.Timeline.Count(e => e.Kind == CaseEventKind.CoverStarted));
    }

    [Fact]
    public void CoverFor_OfferAddressedToTheAwayPerson_IsReaddressedToTheStandIn()
    {
        var @case = Register(Sara);
        var offer = @case.OfferHandOff(Sara, HandOffTarget.Person(Kim), "Nordbygg's invoice", "Kim knows them", CasePolicy.Default, BusinessCalendar.Swedish, Now);

        @case.CoverFor(Kim, Erik, Now);

        Assert.Equal(Erik, offer.ToUserId);
        Assert.Equal(Sara, @case.OwnerId);
        Assert.Equal(offer.Id, @case.Timeline[^1].HandOffId);
    }

    [Fact]
    public void CoverFor_OpenPromisesOnly_MoveToTheStandIn()
    {
        var @case = Register(Sara);
        var open = @case.MakeCommitment(Kim, CommitmentKind.CallBack, null, Kim, Team, Now.AddDays(1), Door.Phone, Now);
        var kept = @case.MakeCommitment(Kim, CommitmentKind.SendSomething, null, Kim, Team, Now.AddDays(1), null, Now);
        @case.KeepCommitment(kept.Id, Kim, false, "Sent by post", Now);

        @case.CoverFor(Kim, Erik, Now);

        Assert.Equal((Erik, Kim), (open.KeeperId, open.CoveringForId!.Value));
        Assert.Equal(Kim, kept.KeeperId);
        Assert.Equal(Sara, @case.OwnerId);
    }

    [Fact]
    public void CoverFor_ResolvedCase_StaysWithItsOwner()
    {
        var @case = Register(Kim);
        @case.ProposeResolution(Kim, "Refunded.", TimeSpan.FromDays(7), Now);
        _time.Advance(TimeSpan.FromDays(7));
        @case.ResolveBySilenceIfDue(Now);

        Assert.False(@case.CoverFor(Kim, Erik, Now));
        Assert.Equal(Kim, @case.OwnerId);
    }

    [Fact]
    public void EndCover_WhatIsChosen_MovesBackAndTheRestStays()
    {
        var @case = Register(Kim);
        var first = @case.MakeCommitment(Kim, CommitmentKind.CallBack, null, Kim, Team, Now.AddDays(2), Door.Phone, Now);
        var second = @case.MakeCommitment(Kim, CommitmentKind.SendSomething, null, Kim, Team, Now.AddDays(2), null, Now);
        @case.CoverFor(Kim, Erik, Now);

        var moved = @case.EndCover(Kim, takeBackOwnership: false, new HashSet<Guid> { first.Id }, Now);

        Assert.True(moved);
        Assert.Equal(Erik, @case.OwnerId);
        Assert.Equal(Kim, @case.CoveringForId);
        Assert.Equal(Kim, first.KeeperId);
        Assert.Null(first.CoveringForId);
        Assert.Equal(Erik, second.KeeperId);
        Assert.Equal(CaseEventKind.CoverEnded, @case.Timeline[^1].Kind);
    }

    [Fact]
    public void EndCover_Ownership_MovesBackOnceWithAPublicEntry()
    {
        var @case = Register(Kim);
        @case.CoverFor(Kim, Erik, Now);

        Assert.True(@case.EndCover(Kim, takeBackOwnership: true, new HashSet<Guid>(), Now));
        Assert.False(@case.EndCover(Kim, takeBackOwnership: true, new HashSet<Guid>(), Now));

        Assert.Equal(Kim, @case.OwnerId);
        Assert.Null(@case.CoveringForId);
        Assert.Single(@case.Timeline, e => e.Kind == CaseEventKind.CoverEnded && e.IsPublic);
    }

    [Fact]
    public void EndCover_CaseTheStandInHandedOnMeanwhile_StaysWithTheNewOwner()
    {
        var @case = Register(Kim);
        @case.CoverFor(Kim, Erik, Now);
        var offer = @case.OfferHandOff(Erik, HandOffTarget.Person(Sara), "Nordbygg's invoice", "Billing", CasePolicy.Default, BusinessCalendar.Swedish, Now);
        @case.AcceptHandOff(offer.Id, Sara, null, Now);

        Assert.False(@case.EndCover(Kim, takeBackOwnership: true, new HashSet<Guid>(), Now));

        Assert.Equal(Sara, @case.OwnerId);
    }

    private Case Register(Guid owner) => Case.Register(new CaseRegistration(
        "M-2026-000001", Guid.NewGuid(), Guid.NewGuid(), "Invoice charged twice", null,
        CasePriority.Normal, Door.Phone, owner, Team, new string('t', 43)), Now);
}
