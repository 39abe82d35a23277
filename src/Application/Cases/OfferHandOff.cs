using Microsoft.EntityFrameworkCore;
using Moment.Application.Commitments;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>
/// To a person (by id or email) or to a team; the summary tells the receiver what the customer needs, what is done, what is left.
/// Your open promises on the case go to the receiver on accept, except those in <paramref name="KeepPromises"/> (their ids), which you keep.
/// </summary>
public sealed record OfferHandOffRequest(
    Guid? ToUserId, string? ToUserEmail, Guid? ToTeamId, string? Summary, string? Reason, int? ExpectedVersion, IReadOnlyList<Guid>? KeepPromises = null);

/// <summary>Whom an offer goes to, and the team whose opening hours it waits in (the receiver's, if they have one).</summary>
public sealed record HandOffReceiver(HandOffTarget Target, Guid? TeamId);

/// <summary>
/// The warm transfer (principle 2). The offer appears at once on the receiver's desk and waits for an answer in the
/// receiver's team's opening hours (the case's team's, or the Swedish calendar, for someone without a team).
/// </summary>
public sealed class OfferHandOff(CaseWork work, PromiseCalendars calendars, StaffCards staff)
{
    /// <summary>More than a case has promises; the list is only ever ids of the case's own.</summary>
    public const int MaxKeepPromises = 100;

    public async Task<Guid> HandleAsync(string number, OfferHandOffRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        CaseRules.RequireWork(actor);
        if (request.KeepPromises is { Count: > MaxKeepPromises })
            throw new DomainRuleException("You can keep only your own open promises on this case.", "KeepPromises");
        var @case = await work.LoadAsync(number, request.ExpectedVersion, cancellationToken);
        var receiver = await ReceiverAsync(request.ToUserId, request.ToUserEmail, request.ToTeamId, cancellationToken);
        var handOff = await OfferAsync(@case, receiver, request.Summary, request.Reason, request.KeepPromises, actor, cancellationToken);
        await work.SaveAsync(cancellationToken);
        return handOff.Id;
    }

    /// <summary>
    /// Offers a loaded case to a receiver found by <see cref="ReceiverAsync"/>; the offer waits in the receiver's hours.
    /// Saving is the caller's, so that many cases offered at once (<see cref="ActOnCases"/>) are saved together or not at all.
    /// </summary>
    public async Task<HandOff> OfferAsync(
        Case @case, HandOffReceiver receiver, string? summary, string? reason, IReadOnlyList<Guid>? keepPromises, Actor actor, CancellationToken cancellationToken)
    {
        var receiverHours = await calendars.ForAsync(receiver.TeamId, @case.TeamId, cancellationToken);
        return @case.OfferHandOff(actor.Id, receiver.Target, summary ?? "", reason ?? "", work.Policy, receiverHours, work.Now, keepPromises);
    }

    /// <summary>The person or team an offer goes to, who must exist and (a person) work cases; asked once for many cases.</summary>
    public async Task<HandOffReceiver> ReceiverAsync(Guid? toUserId, string? toUserEmail, Guid? toTeamId, CancellationToken cancellationToken)
    {
        var email = Text.Optional(toUserEmail, "ToUser", Text.EmailMaxLength);
        var byPerson = toUserId is not null || email is not null;
        if (byPerson == (toTeamId is not null))
            throw new DomainRuleException("Offer the case either to a person or to a team.", "ToUser");
        if (toTeamId is { } teamId)
        {
            return await work.Db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken)
                ? new HandOffReceiver(HandOffTarget.Team(teamId), teamId)
                : throw new DomainRuleException("That team does not exist.", "ToTeamId");
        }

        var person = (toUserId is { } personId ? await staff.FindAsync(personId, cancellationToken) : await staff.FindByEmailAsync(email, cancellationToken))
            ?? throw new DomainRuleException("That person is not on the staff.", "ToUser");
        if (!person.IsActive)
            throw new DomainRuleException("{0} is inactive and cannot take cases.", "ToUser", person.DisplayName);
        CaseRules.RequireMayHoldWork(person, "ToUser");
        return new HandOffReceiver(HandOffTarget.Person(person.Id), person.TeamId);
    }
}
