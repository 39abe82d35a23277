using Moment.Domain.Cases;

namespace Moment.Domain.Tests.Cases;

/// <summary>Correcting a case's subject, type, priority and team: one timeline entry per edit, with who, why and what changed.</summary>
public sealed class EditCaseTests
{
    private static readonly Guid Karin = Guid.NewGuid();
    private static readonly Guid Johan = Guid.NewGuid();
    private static readonly Guid Onboard = Guid.NewGuid();
    private static readonly Guid Phone = Guid.NewGuid();
    private static readonly Guid Question = Guid.NewGuid();
    private static readonly Guid FaultReport = Guid.NewGuid();

    private static readonly DateTimeOffset Registered = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Registered.AddHours(1);

    [Fact]
    public void Edit_SeveralDetails_WritesOneEntryWithEachChangeFromAndTo_AndTheReason()
    {
        var @case = Register();
        var version = @case.Version;

        @case.Edit(Johan, new CaseEdit("  The booking app crashes on Android 14 ", FaultReport, CasePriority.High, Phone), " It is a fault, not a question ", Later);

        Assert.Equal(("The booking app crashes on Android 14", FaultReport, CasePriority.High, Phone), (@case.Subject, @case.CaseTypeId, @case.Priority, @case.TeamId));
        var entry = @case.Timeline[^1];
        Assert.Equal((CaseEventKind.Edited, Johan, "It is a fault, not a question", Later), (entry.Kind, entry.ActorId, entry.Text, entry.At));
        Assert.False(entry.IsPublic);
        Assert.Equal(
            [(CaseField.Subject, "The booking app crashes", "The booking app crashes on Android 14"),
             (CaseField.CaseType, Question.ToString(), FaultReport.ToString()),
             (CaseField.Priority, "Normal", "High"),
             (CaseField.Team, Onboard.ToString(), Phone.ToString())],
            entry.Changes.Select(c => (c.Field, c.From, c.To)));
        Assert.Equal(version + 1, @case.Version);
        Assert.Equal(Later, @case.UpdatedAt);
    }

    [Fact]
    public void Edit_OnlyThePriority_ListsOnlyThePriority()
    {
        var @case = Register();

        @case.Edit(Karin, new CaseEdit("The booking app crashes", Question, CasePriority.Urgent, Onboard), "She travels tomorrow", Later);

        var change = Assert.Single(@case.Timeline[^1].Changes);
        Assert.Equal((CaseField.Priority, "Normal", "Urgent"), (change.Field, change.From, change.To));
    }

    [Fact]
    public void Edit_TheTeam_LeavesTheOwner()
    {
        var @case = Register();

        @case.Edit(Karin, new CaseEdit("The booking app crashes", Question, CasePriority.Normal, Phone), "Registered for the wrong team", Later);

        Assert.Equal((Karin, Phone), (@case.OwnerId, @case.TeamId));
    }

    [Fact]
    public void Edit_ACaseWithoutATeam_MayGetOne()
    {
        var @case = Case.Register(Registration() with { TeamId = null }, Registered);

        @case.Edit(Karin, new CaseEdit("The booking app crashes", Question, CasePriority.Normal, Phone), "Phone answers for app faults", Later);

        var change = Assert.Single(@case.Timeline[^1].Changes);
        Assert.Equal((CaseField.Team, null, Phone.ToString()), (change.Field, change.From, change.To));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Edit_WithoutAReason_IsRefusedAndChangesNothing(string reason)
    {
        var @case = Register();

        var error = Assert.Throws<DomainRuleException>(() => @case.Edit(Karin, new CaseEdit("New subject", Question, CasePriority.High, Onboard), reason, Later));

        Assert.Equal("Reason", error.Field);
        AssertUnchanged(@case);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(" ", 0)]
    [InlineData("x", Case.SubjectMaxLength + 1)]
    public void Edit_WithAnEmptyOrTooLongSubject_IsRefusedAtTheSubject(string? text, int times)
    {
        var subject = times == 0 ? text : string.Concat(Enumerable.Repeat(text, times));
        var @case = Register();

        var error = Assert.Throws<DomainRuleException>(() => @case.Edit(Karin, new CaseEdit(subject, Question, CasePriority.High, Onboard), "Typo", Later));

        Assert.Equal("Subject", error.Field);
        AssertUnchanged(@case);
    }

    [Fact]
    public void Edit_WithAPriorityThatIsNone_IsRefused()
    {
        var @case = Register();

        var error = Assert.Throws<DomainRuleException>(() => @case.Edit(Karin, new CaseEdit("The booking app crashes", Question, (CasePriority)42, Onboard), "Why not", Later));

        Assert.Equal("Priority", error.Field);
        AssertUnchanged(@case);
    }

    [Fact]
    public void Edit_TakingTheTeamAway_IsRefused()
    {
        var @case = Register();

        var error = Assert.Throws<DomainRuleException>(() => @case.Edit(Karin, new CaseEdit("The booking app crashes", Question, CasePriority.Normal, null), "No team", Later));

        Assert.Equal("TeamId", error.Field);
        AssertUnchanged(@case);
    }

    [Fact]
    public void Edit_ThatChangesNothing_IsRefused_EvenWithSpacesAroundTheSubject()
    {
        var @case = Register();

        var error = Assert.Throws<DomainRuleException>(() => @case.Edit(Karin, new CaseEdit(" The booking app crashes ", Question, CasePriority.Normal, Onboard), "Just checking", Later));

        Assert.Null(error.Field);
        AssertUnchanged(@case);
    }

    private static void AssertUnchanged(Case @case)
    {
        Assert.Equal(("The booking app crashes", Question, CasePriority.Normal, Onboard), (@case.Subject, @case.CaseTypeId, @case.Priority, @case.TeamId));
        Assert.DoesNotContain(@case.Timeline, e => e.Kind == CaseEventKind.Edited);
    }

    private static Case Register() => Case.Register(Registration(), Registered);

    private static CaseRegistration Registration() => new(
        "M-2026-000001", Guid.NewGuid(), Question, "The booking app crashes", "On Android 14, for weeks.",
        CasePriority.Normal, Door.Onboard, Karin, Onboard, new string('t', 43));
}
