using Moment.Domain.Cases;

namespace Moment.Domain.Tests.Cases;

/// <summary>
/// What the customer reads is what a person wrote for the customer, and their answers are theirs: how a promise was kept
/// stays with staff, and an answer staff take on the phone is recorded as such, never as the customer's own.
/// </summary>
public sealed class CustomerFacingTextTests
{
    private static readonly Guid Sara = Guid.NewGuid();
    private static readonly Guid Erik = Guid.NewGuid();
    private static readonly Guid Phone = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void KeepCommitment_WithAnInternalHow_ShowsTheCustomerThePromisesOwnWords()
    {
        var @case = Register();
        var promise = @case.MakeCommitment(Sara, CommitmentKind.CallBack, "I'll call you back tomorrow before 15:00.", Sara, Phone, Now.AddDays(1), Door.Phone, Now);

        @case.KeepCommitment(promise.Id, Sara, mayKeepForOthers: false, "Called. Credit score 412: no instalments.", Now.AddHours(1));

        var kept = @case.Timeline[^1];
        Assert.Equal((CaseEventKind.CommitmentKept, true), (kept.Kind, kept.IsPublic));
        Assert.Equal("I'll call you back tomorrow before 15:00.", kept.Text);
        Assert.Equal("Called. Credit score 412: no instalments.", promise.KeptHow);
        Assert.DoesNotContain(@case.Timeline, e => e.IsPublic && e.Text is { } text && text.Contains("Credit score", StringComparison.Ordinal));
    }

    [Fact]
    public void RecordCustomerAnswer_Solved_ResolvesWithTheStaffMemberAsTheOneWhoRecordedIt()
    {
        var @case = Proposed();

        @case.RecordCustomerAnswer(Erik, solved: true, Door.Phone, "Works now, she says.", Now.AddDays(1));

        Assert.Equal(CaseStatus.Resolved, @case.Status);
        var answer = @case.Timeline[^1];
        Assert.Equal((CaseEventKind.CustomerConfirmationRecorded, Erik, Door.Phone, true), (answer.Kind, answer.ActorId!.Value, answer.Door!.Value, answer.IsPublic));
        Assert.DoesNotContain(@case.Timeline, e => e.Kind == CaseEventKind.ResolutionConfirmed);
    }

    [Fact]
    public void RecordCustomerAnswer_NotSolved_ReopensWithTheSameOwner()
    {
        var @case = Proposed();

        @case.RecordCustomerAnswer(Erik, solved: false, Door.Shop, null, Now.AddDays(1));

        Assert.Equal((CaseStatus.Open, Sara, 1), (@case.Status, @case.OwnerId, @case.ReopenCount));
        Assert.Contains(@case.Timeline, e => e.Kind == CaseEventKind.CustomerObjectionRecorded && e.ActorId == Erik);
    }

    [Fact]
    public void RecordCustomerAnswer_WithNothingProposed_IsRefused()
    {
        var @case = Register();

        Assert.Throws<ConflictException>(() => @case.RecordCustomerAnswer(Erik, solved: true, Door.Phone, null, Now));
        Assert.Equal(CaseStatus.Open, @case.Status);
    }

    private static Case Proposed()
    {
        var @case = Register();
        @case.ProposeResolution(Sara, "The technician replaced the line card.", TimeSpan.FromDays(7), Now);
        return @case;
    }

    private static Case Register() => Case.Register(new CaseRegistration(
        "M-2026-000004", Guid.NewGuid(), Guid.NewGuid(), "Landline dead", null,
        CasePriority.Normal, Door.Phone, Sara, Phone, new string('t', 43)), Now);
}
