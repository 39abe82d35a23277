using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>A call, chat, email, visit or letter on a case. "Same problem" on a resolved case reopens it as a repeat contact.</summary>
public sealed record RecordContactRequest(Door? Door, ContactDirection? Direction, string? Summary, bool SameProblem, int? ExpectedVersion);

public sealed class RecordContact(CaseWork work)
{
    public async Task HandleAsync(string number, RecordContactRequest request, Guid actorId, CancellationToken cancellationToken = default)
    {
        var @case = await work.LoadAsync(number, request.ExpectedVersion, cancellationToken);
        @case.RecordContact(
            actorId,
            request.Door ?? throw new DomainRuleException("Say which door the contact came through.", "Door"),
            request.Direction ?? ContactDirection.Inbound,
            request.Summary ?? "",
            request.SameProblem,
            work.Policy,
            work.Now);
        await work.SaveAsync(cancellationToken);
    }
}
