using Moment.Application.Cases;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Calendar;
using Moment.Domain.Cases;

namespace Moment.Application.Commitments;

/// <summary>
/// A promise on a case. The keeper is given by id or email (neither: the one who makes it). The deadline is exactly
/// one of: an instant (<paramref name="Deadline"/>), a number of business days or business hours from now, or a local
/// time on the next business day ("tomorrow before 15:00"); counted in the keeper's team's calendar, else the case's team's.
/// </summary>
public sealed record MakeCommitmentRequest(
    CommitmentKind? Kind,
    string? What,
    Guid? KeeperId,
    string? KeeperEmail,
    DateTimeOffset? Deadline,
    int? WithinBusinessDays,
    double? WithinBusinessHours,
    TimeOnly? NextBusinessDayAt,
    Door? Channel,
    int? ExpectedVersion);

/// <summary>Principle 6: "we will call you back" becomes a promise with a deadline and a named person.</summary>
public sealed class MakeCommitment(PromiseWork work, PromiseCalendars calendars, StaffCards staff)
{
    public async Task<Commitment> HandleAsync(string number, MakeCommitmentRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        CaseRules.RequireWork(actor);
        var kind = request.Kind ?? throw new DomainRuleException("Say what kind of promise it is.", "Kind");
        if (kind is CommitmentKind.ManagerContact or CommitmentKind.FollowUpAfterConsent)
            throw new DomainRuleException("Ask for the manager or record the customer's consent instead: those promises have their own keeper and deadline.", "Kind");
        var @case = await work.LoadAsync(number, request.ExpectedVersion, cancellationToken);
        var keeper = await KeeperAsync(request, actor, cancellationToken);
        var calendar = await calendars.ForAsync(keeper.TeamId, @case.TeamId, cancellationToken);
        var deadline = DeadlineOf(request, calendar, work.Now);

        var commitment = @case.MakeCommitment(actor.Id, kind, request.What, keeper.Id, keeper.TeamId, deadline, request.Channel, work.Now);
        await work.SaveAsync(cancellationToken);
        return commitment;
    }

    private static DateTimeOffset DeadlineOf(MakeCommitmentRequest request, BusinessCalendar calendar, DateTimeOffset now)
    {
        var given = new object?[] { request.Deadline, request.WithinBusinessDays, request.WithinBusinessHours, request.NextBusinessDayAt }.Count(v => v is not null);
        if (given != 1)
            throw new DomainRuleException("Give the deadline one way: a time, business days, business hours or a time on the next business day.", "Deadline");
        // Checked here too, so that the refusal names the field the caller sent.
        if (request.WithinBusinessDays is < 0 or > BusinessCalendar.MaxBusinessDays)
            throw new DomainRuleException("A promise is kept within 0 to {0} business days.", "WithinBusinessDays", BusinessCalendar.MaxBusinessDays);
        if (request.WithinBusinessHours is { } hours && !(hours >= 0 && hours <= BusinessCalendar.MaxBusinessHours.TotalHours))
            throw new DomainRuleException("A promise is kept within zero to a year of business hours.", "WithinBusinessHours");
        return request switch
        {
            { Deadline: { } at } => at.ToUniversalTime(),
            { WithinBusinessDays: { } days } => calendar.AddBusinessDays(now, days),
            { WithinBusinessHours: { } h } => calendar.AddBusinessHours(now, TimeSpan.FromHours(h)),
            { NextBusinessDayAt: { } time } => PromiseDeadlines.NextBusinessDayAt(calendar, now, time),
            _ => throw new DomainRuleException("Give the deadline one way: a time, business days, business hours or a time on the next business day.", "Deadline"),
        };
    }

    private async Task<(Guid Id, Guid? TeamId)> KeeperAsync(MakeCommitmentRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var email = Text.Optional(request.KeeperEmail, "Keeper", Text.EmailMaxLength);
        var keeper = request.KeeperId is { } keeperId ? await staff.FindAsync(keeperId, cancellationToken)
            : email is not null ? await staff.FindByEmailAsync(email, cancellationToken)
            : await staff.FindAsync(actor.Id, cancellationToken);
        if (keeper is null)
            throw new DomainRuleException("The keeper of a promise must be on the staff.", "Keeper");
        if (!keeper.IsActive)
            throw new DomainRuleException("{0} is inactive and cannot keep a promise.", "Keeper", keeper.DisplayName);
        CaseRules.RequireMayHoldWork(keeper, "Keeper");
        PromiseRules.RequirePromiseFor(actor, keeper);
        return (keeper.Id, keeper.TeamId);
    }
}
