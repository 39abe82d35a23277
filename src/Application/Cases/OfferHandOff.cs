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
        var (target, receiverTeamId) = await TargetAsync(request, cancellationToken);
        var receiverHours = await calendars.ForAsync(receiverTeamId, @case.TeamId, cancellationToken);
        var handOff = @case.OfferHandOff(
            actor.Id, target, request.Summary ?? "", request.Reason ?? "", work.Policy, receiverHours, work.Now, request.KeepPromises);
        await work.SaveAsync(cancellationToken);
        return handOff.Id;
    }

    private async Task<(HandOffTarget Target, Guid? ReceiverTeamId)> TargetAsync(OfferHandOffRequest request, CancellationToken cancellationToken)
    {
        var email = Text.Optional(request.ToUserEmail, "ToUser", Text.EmailMaxLength);
        var byPerson = request.ToUserId is not null || email is not null;
        if (byPerson == (request.ToTeamId is not null))
            throw new DomainRuleException("Offer the case either to a person or to a team.", "ToUser");
        if (request.ToTeamId is { } teamId)
        {
            return await work.Db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken)
                ? (HandOffTarget.Team(teamId), teamId)
                : throw new DomainRuleException("That team does not exist.", "ToTeamId");
        }

        var person = (request.ToUserId is { } toUserId ? await staff.FindAsync(toUserId, cancellationToken) : await staff.FindByEmailAsync(email, cancellationToken))
            ?? throw new DomainRuleException("That person is not on the staff.", "ToUser");
        if (!person.IsActive)
            throw new DomainRuleException("{0} is inactive and cannot take cases.", "ToUser", person.DisplayName);
        CaseRules.RequireMayHoldWork(person, "ToUser");
        return (HandOffTarget.Person(person.Id), person.TeamId);
    }
}
