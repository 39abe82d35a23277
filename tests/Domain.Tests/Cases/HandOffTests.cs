using Microsoft.Extensions.Time.Testing;
using Moment.Domain.Calendar;
using Moment.Domain.Cases;

namespace Moment.Domain.Tests.Cases;

/// <summary>
/// Hand-offs in the receiver's time and with the promises: an offer waits for the receiver's opening hours (it does not
/// lapse at night), and on accept the offerer's open promises go with the case, except those the offerer keeps.
/// </summary>
public sealed class HandOffTests
{
    private static readonly Guid Omar = Guid.NewGuid();    // frontline, Shops: registers the case and promises a call-back
    private static readonly Guid Sara = Guid.NewGuid();    // agent, Phone: accepts it
    private static readonly Guid Shops = Guid.NewGuid();
    private static readonly Guid Phone = Guid.NewGuid();

    private static readonly BusinessCalendar Stockholm = BusinessCalendar.Swedish;

    private static readonly BusinessCalendar AroundTheClock = new(BusinessCalendarSettings.Swedish with
    {
        OpeningHours = [.. Enum.GetValues<DayOfWeek>().Select(day => new OpeningHours(day, TimeOnly.MinValue, TimeOnly.MinValue))],
        ClosedOnPublicHolidays = false,
        ClosedOnDeFactoHolidays = false,
    });

    // Monday 23 November 2026, 10:00 in Stockholm (UTC+1 in winter).
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _time.GetUtcNow();

    [Fact]
    public void OfferHandOff_DuringOpeningHours_LapsesAfterThirtyMinutes()
    {
        var @case = Register();

        var offer = @case.OfferHandOff(Omar, HandOffTarget.Person(Sara), "s", "r", CasePolicy.Default, Stockholm, Now);

        Assert.Equal(Now.AddMinutes(30), offer.ExpiresAt);
    }

    [Fact]
    public void OfferHandOff_AtNight_WaitsForTheReceiversOpeningHoursAndDoesNotLapseAt0350()
    {
        _time.SetUtcNow(Stockholms(2026, 11, 24, 3, 20));
        var @case = Register();

        var offer = @case.OfferHandOff(Omar, HandOffTarget.Person(Sara), "Her landline is dead", "Phone books technicians", CasePolicy.Default, Stockholm, Now);

        Assert.Equal(Stockholms(2026, 11, 24, 8, 30), offer.ExpiresAt);
        _time.SetUtcNow(Stockholms(2026, 11, 24, 3, 50));
        Assert.Empty(@case.ExpireHandOffs(Now));
        Assert.Equal(0, @case.DeclineCount);
        _time.SetUtcNow(Stockholms(2026, 11, 24, 8, 30));
        Assert.Equal(offer, Assert.Single(@case.ExpireHandOffs(Now)));
        Assert.Equal(1, @case.DeclineCount);
    }

    [Fact]
    public void OfferHandOff_FridayAt1650_LapsesOnMondayAt0820()
    {
        _time.SetUtcNow(Stockholms(2026, 11, 27, 16, 50));
        var @case = Register();

        var offer = @case.OfferHandOff(Omar, HandOffTarget.Person(Sara), "s", "r", CasePolicy.Default, Stockholm, Now);

        Assert.Equal(Stockholms(2026, 11, 30, 8, 20), offer.ExpiresAt);
        _time.SetUtcNow(Stockholms(2026, 11, 29, 12, 0));
        Assert.Empty(@case.ExpireHandOffs(Now));
    }

    [Fact]
    public void OfferHandOff_ToATeamOpenAroundTheClock_LapsesAfterThirtyMinutesAtNight()
    {
        _time.SetUtcNow(Stockholms(2026, 11, 28, 3, 20));
        var @case = Register();

        var offer = @case.OfferHandOff(Omar, HandOffTarget.Team(Phone), "s", "r", CasePolicy.Default, AroundTheClock, Now);

        Assert.Equal(Now.AddMinutes(30), offer.ExpiresAt);
    }

    [Fact]
    public void AcceptHandOff_TheOfferersOpenPromises_GoToTheReceiverWhoMayKeepThem()
    {
        var @case = Register();
        var callBack = @case.MakeCommitment(Omar, CommitmentKind.CallBack, "I'll call you back tomorrow before 15:00.", Omar, Shops, Now.AddDays(1), Door.Phone, Now);
        var offer = @case.OfferHandOff(Omar, HandOffTarget.Person(Sara), "s", "r", CasePolicy.Default, Stockholm, Now);

        Assert.Equal(callBack, Assert.Single(@case.PromisesComingWith(offer)));
        @case.AcceptHandOff(offer.Id, Sara, Phone, Now.AddMinutes(5));

        Assert.Equal((Sara, Phone), (callBack.KeeperId, callBack.TeamId));
        var moved = @case.Timeline[^1];
        Assert.Equal((CaseEventKind.CommitmentHandedOff, Sara, callBack.Id, false), (moved.Kind, moved.SubjectUserId!.Value, moved.CommitmentId!.Value, moved.IsPublic));
        @case.KeepCommitment(callBack.Id, Sara, mayKeepForOthers: false, "Called her back.", Now.AddHours(2));
        Assert.Equal(CommitmentState.Kept, callBack.State);
    }

    [Fact]
    public void AcceptHandOff_APromiseTheOffererKeeps_StaysWithTheOfferer()
    {
        var @case = Register();
        var callBack = @case.MakeCommitment(Omar, CommitmentKind.CallBack, null, Omar, Shops, Now.AddDays(1), Door.Phone, Now);
        var letter = @case.MakeCommitment(Omar, CommitmentKind.SendSomething, "A new phone by post", Omar, Shops, Now.AddDays(2), Door.Letter, Now);
        var offer = @case.OfferHandOff(Omar, HandOffTarget.Person(Sara), "s", "r", CasePolicy.Default, Stockholm, Now, offererKeeps: [letter.Id]);

        @case.AcceptHandOff(offer.Id, Sara, Phone, Now.AddMinutes(5));

        Assert.Equal(Sara, callBack.KeeperId);
        Assert.Equal((Omar, Shops), (letter.KeeperId, letter.TeamId));
        Assert.Equal([letter.Id], offer.OffererKeeps);
    }

    [Fact]
    public void AcceptHandOff_PromisesNotOpen_StayWhereTheyAre()
    {
        var @case = Register();
        var kept = @case.MakeCommitment(Omar, CommitmentKind.CallBack, null, Omar, Shops, Now.AddHours(1), Door.Phone, Now);
        @case.KeepCommitment(kept.Id, Omar, mayKeepForOthers: false, "Called.", Now);
        var broken = @case.MakeCommitment(Omar, CommitmentKind.GetBackWithInformation, null, Omar, Shops, Now.AddHours(1), null, Now);
        _time.Advance(TimeSpan.FromHours(2));
        @case.BreakDueCommitments(Now);
        var offer = @case.OfferHandOff(Omar, HandOffTarget.Person(Sara), "s", "r", CasePolicy.Default, Stockholm, Now);

        @case.AcceptHandOff(offer.Id, Sara, Phone, Now);

        Assert.Equal(Omar, kept.KeeperId);
        Assert.Equal(Omar, broken.KeeperId);
    }

    [Fact]
    public void OfferHandOff_KeepingAPromiseThatIsNotTheOfferers_IsRefusedAndNothingIsOffered()
    {
        var @case = Register();
        var sarasPromise = @case.MakeCommitment(Omar, CommitmentKind.CallBack, null, Sara, Phone, Now.AddDays(1), Door.Phone, Now);

        var error = Assert.Throws<DomainRuleException>(() =>
            @case.OfferHandOff(Omar, HandOffTarget.Person(Sara), "s", "r", CasePolicy.Default, Stockholm, Now, offererKeeps: [sarasPromise.Id, Guid.NewGuid()]));

        Assert.Equal("KeepPromises", error.Field);
        Assert.Null(@case.PendingHandOff);
    }

    /// <summary>A wall-clock time in Stockholm in winter (UTC+1), as an instant.</summary>
    private static DateTimeOffset Stockholms(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(1)).ToUniversalTime();

    private Case Register() => Case.Register(new CaseRegistration(
        "M-2026-000003", Guid.NewGuid(), Guid.NewGuid(), "Landline dead", null,
        CasePriority.Normal, Door.Shop, Omar, Shops, new string('t', 43)), Now);
}
