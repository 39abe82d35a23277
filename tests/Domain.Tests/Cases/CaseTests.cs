using Microsoft.Extensions.Time.Testing;
using Moment.Domain.Calendar;
using Moment.Domain.Cases;

namespace Moment.Domain.Tests.Cases;

/// <summary>The rules of PRODUCT.md principles 1, 2, 3 and 10, one by one.</summary>
public sealed class CaseTests
{
    private static readonly Guid Karin = Guid.NewGuid();     // frontline, the first person the customer meets
    private static readonly Guid Sara = Guid.NewGuid();      // agent, Phone
    private static readonly Guid Erik = Guid.NewGuid();      // agent, Phone
    private static readonly Guid Johan = Guid.NewGuid();     // team lead, Phone
    private static readonly Guid Onboard = Guid.NewGuid();
    private static readonly Guid Phone = Guid.NewGuid();

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly CasePolicy _policy = CasePolicy.Default;

    private DateTimeOffset Now => _time.GetUtcNow();

    [Theory]
    [InlineData(Door.Phone)]
    [InlineData(Door.Shop)]
    [InlineData(Door.Onboard)]
    [InlineData(Door.Letter)]
    [InlineData(Door.Field)]
    public void Register_AtAnyDoor_TheRegistrarOwnsItAndTheFirstContactIsOnTheTimeline(Door door)
    {
        var @case = Register(door);

        Assert.Equal(Karin, @case.OwnerId);
        Assert.Equal(CaseStatus.Open, @case.Status);
        Assert.Equal(door, @case.FirstDoor);
        Assert.Equal([CaseEventKind.Created, CaseEventKind.Contact], @case.Timeline.Select(e => e.Kind));
        Assert.Equal(door, @case.Timeline[1].Door);
    }

    [Fact]
    public void Register_WithoutSubject_IsRefused()
    {
        var error = Assert.Throws<DomainRuleException>(() => Case.Register(Registration() with { Subject = " " }, Now));

        Assert.Equal("Subject", error.Field);
    }

    [Fact]
    public void OfferHandOff_OwnerStaysOwnerUntilAccepted()
    {
        var @case = Register();

        var offer = @case.OfferHandOff(Karin, HandOffTarget.Person(Sara), "Needs a fault report for her landline.", "Phone team registers faults", _policy, BusinessCalendar.Swedish, Now);

        Assert.Equal(Karin, @case.OwnerId);
        Assert.Equal(HandOffState.Pending, offer.State);
        Assert.Equal(Now + _policy.OfferTimeout, offer.ExpiresAt);
        Assert.Equal(CaseEventKind.HandOffOffered, @case.Timeline[^1].Kind);
    }

    [Fact]
    public void OfferHandOff_ToYourself_IsRefused()
    {
        var @case = Register();

        var error = Assert.Throws<DomainRuleException>(() => @case.OfferHandOff(Karin, HandOffTarget.Person(Karin), "s", "r", _policy, BusinessCalendar.Swedish, Now));

        Assert.Equal("ToUser", error.Field);
    }

    [Theory]
    [InlineData("", "reason", "Summary")]
    [InlineData("summary", " ", "Reason")]
    public void OfferHandOff_WithoutSummaryOrReason_IsRefused(string summary, string reason, string field)
    {
        var @case = Register();

        var error = Assert.Throws<DomainRuleException>(() => @case.OfferHandOff(Karin, HandOffTarget.Person(Sara), summary, reason, _policy, BusinessCalendar.Swedish, Now));

        Assert.Equal(field, error.Field);
        Assert.Empty(@case.HandOffs);
    }

    [Fact]
    public void OfferHandOff_BySomeoneWhoIsNotTheOwner_IsForbidden()
    {
        var @case = Register();

        Assert.Throws<ForbiddenException>(() => @case.OfferHandOff(Sara, HandOffTarget.Person(Erik), "s", "r", _policy, BusinessCalendar.Swedish, Now));
    }

    [Fact]
    public void OfferHandOff_WhileAnotherOfferWaits_IsAConflict()
    {
        var @case = Register();
        @case.OfferHandOff(Karin, HandOffTarget.Person(Sara), "s", "r", _policy, BusinessCalendar.Swedish, Now);

        Assert.Throws<ConflictException>(() => @case.OfferHandOff(Karin, HandOffTarget.Person(Erik), "s", "r", _policy, BusinessCalendar.Swedish, Now));
    }

    [Fact]
    public void AcceptHandOff_ByTheAddressee_MakesThemOwnerInTheirTeamAndCountsIt()
    {
        var @case = Register();
        var offer = @case.OfferHandOff(Karin, HandOffTarget.Person(Sara), "s", "r", _policy, BusinessCalendar.Swedish, Now);

        @case.AcceptHandOff(offer.Id, Sara, Phone, Now);

        Assert.Equal(Sara, @case.OwnerId);
        Assert.Equal(Phone, @case.TeamId);
        Assert.Equal(1, @case.HandOffCount);
        Assert.Equal(HandOffState.Accepted, offer.State);
    }

    [Fact]
    public void AcceptHandOff_BySomeoneElse_IsForbiddenAndChangesNothing()
    {
        var @case = Register();
        var offer = @case.OfferHandOff(Karin, HandOffTarget.Person(Sara), "s", "r", _policy, BusinessCalendar.Swedish, Now);

        Assert.Throws<ForbiddenException>(() => @case.AcceptHandOff(offer.Id, Erik, Phone, Now));

        Assert.Equal(Karin, @case.OwnerId);
        Assert.Equal(HandOffState.Pending, offer.State);
    }

    [Fact]
    public void AcceptHandOff_OfferedToATeam_AnyMemberMayAccept()
    {
        var @case = Register();
        var offer = @case.OfferHandOff(Karin, HandOffTarget.Team(Phone), "s", "r", _policy, BusinessCalendar.Swedish, Now);

        Assert.Throws<ForbiddenException>(() => @case.AcceptHandOff(offer.Id, Erik, Onboard, Now));
        @case.AcceptHandOff(offer.Id, Erik, Phone, Now);

        Assert.Equal(Erik, @case.OwnerId);
    }

    [Fact]
    public void AcceptHandOff_Twice_TheSecondIsAConflict()
    {
        var @case = Register();
        var offer = @case.OfferHandOff(Karin, HandOffTarget.Team(Phone), "s", "r", _policy, BusinessCalendar.Swedish, Now);
        @case.AcceptHandOff(offer.Id, Sara, Phone, Now);

        Assert.Throws<ConflictException>(() => @case.AcceptHandOff(offer.Id, Erik, Phone, Now));
        Assert.Equal(Sara, @case.OwnerId);
    }

    [Fact]
    public void DeclineHandOff_NeedsAReasonAndLeavesTheOwner()
    {
        var @case = Register();
        var offer = @case.OfferHandOff(Karin, HandOffTarget.Person(Sara), "s", "r", _policy, BusinessCalendar.Swedish, Now);

        Assert.Throws<DomainRuleException>(() => @case.DeclineHandOff(offer.Id, Sara, Phone, "", Now));
        @case.DeclineHandOff(offer.Id, Sara, Phone, "Not a phone matter", Now);

        Assert.Equal(Karin, @case.OwnerId);
        Assert.Equal(1, @case.DeclineCount);
        Assert.Equal("Not a phone matter", offer.DeclineReason);
    }

    [Fact]
    public void Offer_UnansweredForThirtyMinutes_GoesBackAndCountsAsDeclined()
    {
        var @case = Register();
        var offer = @case.OfferHandOff(Karin, HandOffTarget.Person(Sara), "s", "r", _policy, BusinessCalendar.Swedish, Now);

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty(@case.ExpireHandOffs(Now));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(@case.ExpireHandOffs(Now));

        Assert.Equal(HandOffState.Expired, offer.State);
        Assert.Equal(1, @case.DeclineCount);
        Assert.Equal(Karin, @case.OwnerId);
        Assert.Throws<ConflictException>(() => @case.AcceptHandOff(offer.Id, Sara, Phone, Now));
    }

    [Fact]
    public void AcceptHandOff_AfterTheOfferTimedOut_IsAConflict()
    {
        var @case = Register();
        var offer = @case.OfferHandOff(Karin, HandOffTarget.Person(Sara), "s", "r", _policy, BusinessCalendar.Swedish, Now);
        _time.Advance(_policy.OfferTimeout);

        Assert.Throws<ConflictException>(() => @case.AcceptHandOff(offer.Id, Sara, Phone, Now));
    }

    [Fact]
    public void TwoAcceptedHandOffs_MakeEscalationDueOnce()
    {
        var @case = Register();
        @case.AcceptHandOff(@case.OfferHandOff(Karin, HandOffTarget.Person(Sara), "s", "r", _policy, BusinessCalendar.Swedish, Now).Id, Sara, Phone, Now);
        Assert.Null(@case.EscalationDue(_policy));
        @case.AcceptHandOff(@case.OfferHandOff(Sara, HandOffTarget.Person(Erik), "s", "r", _policy, BusinessCalendar.Swedish, Now).Id, Erik, Phone, Now);

        Assert.Equal(EscalationCause.HandOffs, @case.EscalationDue(_policy));
        @case.Escalate(EscalationCause.HandOffs, Johan, Phone, Now);

        Assert.Equal(Johan, @case.OwnerId);
        Assert.Equal(1, @case.EscalationCount);
        Assert.Null(@case.EscalationDue(_policy));
        var escalated = @case.Timeline[^1];
        Assert.Equal(CaseEventKind.Escalated, escalated.Kind);
        // Moment's own words are a reason and a count that each reader's page says in their language, not stored English.
        Assert.Equal((CaseEventReason.HandOffs, 2, (string?)null), (escalated.Reason!.Value, escalated.Count!.Value, escalated.Text));
    }

    [Fact]
    public void TwoDeclines_MakeEscalationDue_ExpiredOffersCountToo()
    {
        var @case = Register();
        @case.DeclineHandOff(@case.OfferHandOff(Karin, HandOffTarget.Person(Sara), "s", "r", _policy, BusinessCalendar.Swedish, Now).Id, Sara, Phone, "not mine", Now);
        @case.OfferHandOff(Karin, HandOffTarget.Person(Erik), "s", "r", _policy, BusinessCalendar.Swedish, Now);
        _time.Advance(_policy.OfferTimeout);
        @case.ExpireHandOffs(Now);

        Assert.Equal(EscalationCause.Declines, @case.EscalationDue(_policy));
    }

    [Fact]
    public void EscalationLimits_AreConfigurable()
    {
        var strict = _policy with { EscalateAfterDeclines = 1 };
        var @case = Register();
        @case.DeclineHandOff(@case.OfferHandOff(Karin, HandOffTarget.Person(Sara), "s", "r", strict, BusinessCalendar.Swedish, Now).Id, Sara, Phone, "no", Now);

        Assert.Equal(EscalationCause.Declines, @case.EscalationDue(strict));
        Assert.Null(@case.EscalationDue(_policy));
    }

    [Fact]
    public void Reassign_NeedsAWrittenReasonThatIsLogged()
    {
        var @case = Register();

        Assert.Throws<DomainRuleException>(() => @case.Reassign(Johan, Sara, Phone, " ", Now));
        @case.Reassign(Johan, Sara, Phone, "Karin is off shift", Now);

        Assert.Equal(Sara, @case.OwnerId);
        Assert.Equal("Karin is off shift", @case.Timeline[^1].Text);
        Assert.Equal(Johan, @case.Timeline[^1].ActorId);
    }

    [Fact]
    public void ProposeResolution_ThenConfirm_IsResolvedWithTimeToResolution()
    {
        var @case = Register();
        _time.Advance(TimeSpan.FromHours(2));
        @case.ProposeResolution(Karin, "The line is repaired.", TimeSpan.FromDays(7), Now);
        Assert.Equal(CaseStatus.ProposedSolved, @case.Status);

        _time.Advance(TimeSpan.FromHours(1));
        @case.ConfirmResolution("Thank you!", Now);

        Assert.Equal(CaseStatus.Resolved, @case.Status);
        Assert.Equal(TimeSpan.FromHours(3), @case.TimeToResolution);
        Assert.Equal(TimeSpan.FromHours(2), @case.TimeToFirstResponse);
    }

    [Fact]
    public void ProposeResolution_BySomeoneOtherThanTheOwner_IsForbidden()
    {
        var @case = Register();

        Assert.Throws<ForbiddenException>(() => @case.ProposeResolution(Sara, "Done", TimeSpan.FromDays(7), Now));
    }

    [Fact]
    public void ObjectToResolution_ReopensWithTheSameOwnerAndCountsAReopen()
    {
        var @case = Register();
        @case.ProposeResolution(Karin, "Repaired.", TimeSpan.FromDays(7), Now);

        @case.ObjectToResolution("It still crackles.", Now);

        Assert.Equal(CaseStatus.Open, @case.Status);
        Assert.Equal(Karin, @case.OwnerId);
        Assert.Equal(1, @case.ReopenCount);
        Assert.Null(@case.ProposedResolution);
        Assert.Equal((CaseEventKind.Reopened, CaseEventReason.NotSolved), (@case.Timeline[^1].Kind, @case.Timeline[^1].Reason!.Value));
    }

    [Fact]
    public void Silence_ThroughTheWholeWindow_ResolvesBySilenceAtTheDeadline()
    {
        var @case = Register();
        @case.ProposeResolution(Karin, "Repaired.", TimeSpan.FromDays(7), Now);
        var deadline = Now.AddDays(7);

        _time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.False(@case.ResolveBySilenceIfDue(Now));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.True(@case.ResolveBySilenceIfDue(Now));

        Assert.Equal(CaseStatus.ResolvedBySilence, @case.Status);
        Assert.Equal(deadline, @case.ResolvedAt);
        Assert.Throws<ConflictException>(() => @case.ObjectToResolution(null, Now));
    }

    [Fact]
    public void Confirm_WithoutAProposedResolution_IsAConflict()
    {
        var @case = Register();

        Assert.Throws<ConflictException>(() => @case.ConfirmResolution(null, Now));
    }

    [Fact]
    public void RepeatContact_AboutTheSameProblemWithinTheWindow_ReopensAndCountsARepeat()
    {
        var @case = ResolvedCase();
        _time.Advance(TimeSpan.FromDays(29));

        @case.RecordContact(Sara, Door.Phone, ContactDirection.Inbound, "The line is dead again.", sameProblem: true, _policy, Now);

        Assert.Equal(CaseStatus.Open, @case.Status);
        Assert.Equal(1, @case.RepeatContactCount);
        Assert.Equal(1, @case.ReopenCount);
        Assert.Contains(@case.Timeline, e => e.Kind == CaseEventKind.Reopened && e.Reason == CaseEventReason.RepeatContact && e.Text is null);
    }

    [Fact]
    public void RepeatContact_AfterTheWindow_IsRefused()
    {
        var @case = ResolvedCase();
        _time.Advance(TimeSpan.FromDays(31));

        Assert.Throws<ConflictException>(() =>
            @case.RecordContact(Sara, Door.Phone, ContactDirection.Inbound, "Dead again.", sameProblem: true, _policy, Now));
        Assert.Equal(0, @case.RepeatContactCount);
    }

    [Fact]
    public void Contact_OnAResolvedCaseNotMarkedSameProblem_IsRefused()
    {
        var @case = ResolvedCase();

        Assert.Throws<ConflictException>(() =>
            @case.RecordContact(Sara, Door.Email, ContactDirection.Inbound, "Something else", sameProblem: false, _policy, Now));
    }

    [Fact]
    public void OutboundContactOrPublicReply_IsTheFirstResponse()
    {
        var @case = Register();
        _time.Advance(TimeSpan.FromMinutes(10));
        @case.AddNote(Karin, "Internal: check the exchange", isPublic: false, Now);
        Assert.Null(@case.FirstResponseAt);

        _time.Advance(TimeSpan.FromMinutes(5));
        @case.RecordContact(Karin, Door.Phone, ContactDirection.Outbound, "Called back, line tested.", sameProblem: false, _policy, Now);

        Assert.Equal(TimeSpan.FromMinutes(15), @case.TimeToFirstResponse);
    }

    [Fact]
    public void LinkAsSameProblem_CountsARepeatOnTheEarlierCase()
    {
        var earlier = ResolvedCase();
        var later = Register();

        later.LinkAsSameProblem(earlier, Sara, Now);

        Assert.Equal(earlier.Id, later.SameProblemAsCaseId);
        Assert.Equal(1, earlier.RepeatContactCount);
        Assert.Throws<DomainRuleException>(() => earlier.LinkAsSameProblem(earlier, Sara, Now));
    }

    [Fact]
    public void EveryChange_AppendsToTheTimelineAndBumpsTheVersion()
    {
        var @case = Register();
        var before = @case.Timeline.ToList();
        var version = @case.Version;

        @case.AddNote(Karin, "A note", isPublic: false, Now);

        Assert.Equal(before, @case.Timeline.Take(before.Count));
        Assert.Equal(before.Count + 1, @case.Timeline.Count);
        Assert.True(@case.Version > version);
    }

    private Case ResolvedCase()
    {
        var @case = Register();
        @case.ProposeResolution(Karin, "Repaired.", TimeSpan.FromDays(7), Now);
        @case.ConfirmResolution(null, Now);
        return @case;
    }

    private Case Register(Door door = Door.Onboard) => Case.Register(Registration() with { Door = door }, Now);

    private static CaseRegistration Registration() => new(
        "M-2026-000001", Guid.NewGuid(), Guid.NewGuid(), "The booking app crashes", "On Android 14, for weeks.",
        CasePriority.Normal, Door.Onboard, Karin, Onboard, new string('t', 43));
}
