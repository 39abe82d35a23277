using Microsoft.Extensions.Time.Testing;
using Moment.Domain.Cases;

namespace Moment.Domain.Tests.Cases;

/// <summary>Principles 6 and 8, one state change at a time: a promise is kept, withdrawn, or broken by its deadline; broken stays broken.</summary>
public sealed class CommitmentTests
{
    private static readonly Guid Lina = Guid.NewGuid();    // owner and keeper
    private static readonly Guid Nora = Guid.NewGuid();    // Lina's team lead
    private static readonly Guid Maria = Guid.NewGuid();   // responsible manager
    private static readonly Guid Team = Guid.NewGuid();

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _time.GetUtcNow();

    [Fact]
    public void Make_WithADeadline_IsOpenWithANamedKeeperAndShowsOnThePublicTimeline()
    {
        var @case = Register();

        var promise = @case.MakeCommitment(Lina, CommitmentKind.CallBack, "I'll call you back before 15:00.", Lina, Team, Now.AddHours(6), Door.Phone, Now);

        Assert.Equal(CommitmentState.Open, promise.State);
        Assert.Equal(Lina, promise.KeeperId);
        Assert.Equal(Now.AddHours(6), promise.Deadline);
        var entry = @case.Timeline[^1];
        Assert.Equal((CaseEventKind.CommitmentMade, true, promise.Id), (entry.Kind, entry.IsPublic, entry.CommitmentId!.Value));
    }

    [Fact]
    public void Make_WithADeadlineInThePast_IsRefusedAndAddsNothing()
    {
        var @case = Register();
        var timeline = @case.Timeline.Count;

        var error = Assert.Throws<DomainRuleException>(() =>
            @case.MakeCommitment(Lina, CommitmentKind.CallBack, null, Lina, Team, Now, Door.Phone, Now));

        Assert.Equal("Deadline", error.Field);
        Assert.Empty(@case.Commitments);
        Assert.Equal(timeline, @case.Timeline.Count);
    }

    [Fact]
    public void Make_FreeTextWithoutSayingWhat_IsRefused()
    {
        var error = Assert.Throws<DomainRuleException>(() =>
            Register().MakeCommitment(Lina, CommitmentKind.Other, " ", Lina, Team, Now.AddDays(1), null, Now));

        Assert.Equal("What", error.Field);
    }

    [Fact]
    public void Keep_ByTheKeeperBeforeTheDeadline_IsKeptWithHow()
    {
        var @case = Register();
        var promise = @case.MakeCommitment(Lina, CommitmentKind.CallBack, null, Lina, Team, Now.AddHours(6), Door.Phone, Now);
        _time.Advance(TimeSpan.FromHours(2));

        @case.KeepCommitment(promise.Id, Lina, mayKeepForOthers: false, "Called; the line works again.", Now);

        Assert.Equal(CommitmentState.Kept, promise.State);
        Assert.False(promise.KeptLate);
        Assert.Equal((Now, Lina, "Called; the line works again."), (promise.KeptAt!.Value, promise.KeptById!.Value, promise.KeptHow!));
        Assert.Equal(CaseEventKind.CommitmentKept, @case.Timeline[^1].Kind);
    }

    [Fact]
    public void Keep_SomeoneElsesPromiseWithoutTheRole_IsForbidden()
    {
        var @case = Register();
        var promise = @case.MakeCommitment(Lina, CommitmentKind.CallBack, null, Lina, Team, Now.AddHours(6), Door.Phone, Now);

        Assert.Throws<ForbiddenException>(() => @case.KeepCommitment(promise.Id, Guid.NewGuid(), mayKeepForOthers: false, "Called.", Now));
        Assert.Equal(CommitmentState.Open, promise.State);
    }

    [Fact]
    public void Keep_SomeoneElsesPromiseAsTeamLead_IsKept()
    {
        var @case = Register();
        var promise = @case.MakeCommitment(Lina, CommitmentKind.CallBack, null, Lina, Team, Now.AddHours(6), Door.Phone, Now);

        @case.KeepCommitment(promise.Id, Nora, mayKeepForOthers: true, "Called for Lina.", Now);

        Assert.Equal((CommitmentState.Kept, Nora), (promise.State, promise.KeptById!.Value));
    }

    [Fact]
    public void BreakDue_BeforeTheDeadline_BreaksNothing_AtTheDeadline_BreaksOnce()
    {
        var @case = Register();
        var promise = @case.MakeCommitment(Lina, CommitmentKind.CallBack, null, Lina, Team, Now.AddHours(6), Door.Phone, Now);

        _time.Advance(TimeSpan.FromHours(6) - TimeSpan.FromTicks(1));
        var early = @case.BreakDueCommitments(Now);
        _time.Advance(TimeSpan.FromTicks(1));
        var due = @case.BreakDueCommitments(Now);
        var again = @case.BreakDueCommitments(Now.AddDays(1));

        Assert.Empty(early);
        Assert.Equal([promise], due);
        Assert.Empty(again);
        Assert.Equal((CommitmentState.Broken, promise.Deadline), (promise.State, promise.BrokenAt!.Value));
        Assert.Single(@case.Timeline, e => e.Kind == CaseEventKind.CommitmentBroken);
    }

    [Fact]
    public void Keep_AfterItBroke_StaysBrokenAndIsRecordedAsKeptLate()
    {
        var @case = Register();
        var promise = @case.MakeCommitment(Lina, CommitmentKind.CallBack, null, Lina, Team, Now.AddHours(6), Door.Phone, Now);
        _time.Advance(TimeSpan.FromDays(1));
        @case.BreakDueCommitments(Now);

        @case.KeepCommitment(promise.Id, Lina, mayKeepForOthers: false, "Called a day late.", Now);

        Assert.Equal(CommitmentState.Broken, promise.State);
        Assert.True(promise.KeptLate);
        Assert.Equal(CaseEventKind.CommitmentKeptLate, @case.Timeline[^1].Kind);
        Assert.Throws<ConflictException>(() => @case.KeepCommitment(promise.Id, Lina, false, "Called again.", Now));
    }

    [Fact]
    public void Keep_Twice_IsAConflict()
    {
        var @case = Register();
        var promise = @case.MakeCommitment(Lina, CommitmentKind.CallBack, null, Lina, Team, Now.AddHours(6), Door.Phone, Now);
        @case.KeepCommitment(promise.Id, Lina, false, "Called.", Now);

        Assert.Throws<ConflictException>(() => @case.KeepCommitment(promise.Id, Lina, false, "Called.", Now));
    }

    [Fact]
    public void Withdraw_WithAReason_IsWithdrawnAndNeverBreaks()
    {
        var @case = Register();
        var promise = @case.MakeCommitment(Lina, CommitmentKind.SendSomething, null, Lina, Team, Now.AddDays(2), null, Now);

        @case.WithdrawCommitment(promise.Id, Lina, false, "The router is no longer sold; we will call about another.", Now);
        _time.Advance(TimeSpan.FromDays(3));

        Assert.Empty(@case.BreakDueCommitments(Now));
        Assert.Equal(CommitmentState.Withdrawn, promise.State);
        Assert.Equal("The router is no longer sold; we will call about another.", promise.WithdrawnReason);
        Assert.True(@case.Timeline.Single(e => e.Kind == CaseEventKind.CommitmentWithdrawn).IsPublic);
        Assert.Throws<ConflictException>(() => @case.KeepCommitment(promise.Id, Lina, false, "Sent.", Now));
    }

    [Fact]
    public void Withdraw_WithoutAReason_IsRefused_AndWithdrawingAKeptPromiseIsAConflict()
    {
        var @case = Register();
        var promise = @case.MakeCommitment(Lina, CommitmentKind.SendSomething, null, Lina, Team, Now.AddDays(2), null, Now);

        var error = Assert.Throws<DomainRuleException>(() => @case.WithdrawCommitment(promise.Id, Lina, false, "", Now));
        @case.KeepCommitment(promise.Id, Lina, false, "Sent by post.", Now);

        Assert.Equal("Reason", error.Field);
        Assert.Throws<ConflictException>(() => @case.WithdrawCommitment(promise.Id, Lina, false, "Changed my mind.", Now));
    }

    [Fact]
    public void RequestManager_TwiceWhileOpen_ReturnsTheSameRequest_AfterItIsKept_MakesANewOne()
    {
        var @case = Register();

        var (first, firstIsNew) = @case.RequestManager(Maria, null, null, null, Now.AddDays(1), Now);
        var (second, secondIsNew) = @case.RequestManager(Maria, null, null, null, Now.AddDays(1), Now);
        @case.KeepCommitment(first.Id, Maria, false, "Maria called the customer.", Now);
        var (third, thirdIsNew) = @case.RequestManager(Maria, null, null, null, Now.AddDays(1), Now);

        Assert.True(firstIsNew);
        Assert.Same(first, second);
        Assert.False(secondIsNew);
        Assert.True(thirdIsNew);
        Assert.NotEqual(first.Id, third.Id);
        Assert.Equal((CommitmentKind.ManagerContact, Maria), (first.Kind, first.KeeperId));
        Assert.Equal(2, @case.Timeline.Count(e => e.Kind == CaseEventKind.ManagerRequested));
    }

    [Fact]
    public void GiveConsent_IsAPromiseOfTheOwnerCountedOnTheCasesTeam_GivenOnce()
    {
        var @case = Register();

        var (followUp, isNew) = @case.GiveConsent(null, Now.AddDays(2), Now);
        var (again, againIsNew) = @case.GiveConsent(null, Now.AddDays(2), Now);

        Assert.True(isNew);
        Assert.False(againIsNew);
        Assert.Same(followUp, again);
        Assert.Equal((CommitmentKind.FollowUpAfterConsent, Lina, Team), (followUp.Kind, followUp.KeeperId, followUp.TeamId!.Value));
        Assert.Null(followUp.MadeById);
        Assert.Single(@case.Timeline, e => e.Kind == CaseEventKind.ConsentGiven);
    }

    [Fact]
    public void Keep_APromiseOfAnotherCase_IsRefused()
    {
        var error = Assert.Throws<DomainRuleException>(() => Register().KeepCommitment(Guid.NewGuid(), Lina, true, "Called.", Now));

        Assert.Equal("CommitmentId", error.Field);
    }

    private Case Register() => Case.Register(new CaseRegistration(
        "M-2026-000002", Guid.NewGuid(), Guid.NewGuid(), "Landline dead", null,
        CasePriority.Normal, Door.Phone, Lina, Team, new string('t', 43)), Now);
}
