using Microsoft.EntityFrameworkCore;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>To a person (by id or email) or to a team; the summary tells the receiver what the customer needs, what is done, what is left.</summary>
public sealed record OfferHandOffRequest(Guid? ToUserId, string? ToUserEmail, Guid? ToTeamId, string? Summary, string? Reason, int? ExpectedVersion);

/// <summary>The warm transfer (principle 2). The offer appears at once on the receiver's desk.</summary>
public sealed class OfferHandOff(CaseWork work)
{
    public async Task<Guid> HandleAsync(string number, OfferHandOffRequest request, Guid actorId, CancellationToken cancellationToken = default)
    {
        var @case = await work.LoadAsync(number, request.ExpectedVersion, cancellationToken);
        var target = await TargetAsync(request, cancellationToken);
        var handOff = @case.OfferHandOff(actorId, target, request.Summary ?? "", request.Reason ?? "", work.Policy, work.Now);

        var recipients = target.UserId is { } user
            ? [user]
            : await work.Db.Users.Where(u => u.TeamId == target.TeamId && u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken);
        work.Tell(@case.Number, "offer", recipients);
        await work.SaveAsync(cancellationToken);
        return handOff.Id;
    }

    private async Task<HandOffTarget> TargetAsync(OfferHandOffRequest request, CancellationToken cancellationToken)
    {
        var byPerson = request.ToUserId is not null || !string.IsNullOrWhiteSpace(request.ToUserEmail);
        if (byPerson == (request.ToTeamId is not null))
            throw new DomainRuleException("Offer the case either to a person or to a team.", "ToUser");
        if (request.ToTeamId is { } teamId)
        {
            return await work.Db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken)
                ? HandOffTarget.Team(teamId)
                : throw new DomainRuleException("That team does not exist.", "ToTeamId");
        }

        var email = request.ToUserEmail?.Trim().ToUpperInvariant();
        var person = await work.Db.Users
            .Where(u => request.ToUserId != null ? u.Id == request.ToUserId : u.NormalizedEmail == email)
            .Select(u => new { u.Id, u.IsActive, u.DisplayName })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("That person is not on the staff.", "ToUser");
        if (!person.IsActive)
            throw new DomainRuleException("{0} is inactive and cannot take cases.", "ToUser", person.DisplayName);
        return HandOffTarget.Person(person.Id);
    }
}
