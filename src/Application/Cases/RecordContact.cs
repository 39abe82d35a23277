using Moment.Application.Commitments;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>
/// A call, chat, email, visit or letter on a case. "Same problem" on a resolved case reopens it as a repeat contact.
/// <paramref name="Keeps"/>: the promise this contact keeps (the call-back, the manager's call), kept with the summary
/// as how, in the same save as the contact.
/// </summary>
public sealed record RecordContactRequest(Door? Door, ContactDirection? Direction, string? Summary, bool SameProblem, int? ExpectedVersion, Guid? Keeps = null);

public sealed class RecordContact(CaseWork work, PromiseWork promises)
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
        if (request.Keeps is { } commitmentId)
        {
            // "Answering means a recorded contact with the customer": the contact is how the promise was kept.
            @case.KeepCommitment(commitmentId, actorId, await promises.MayKeepForOthersAsync(actorId, cancellationToken), request.Summary ?? "", work.Now);
        }

        await work.SaveAsync(cancellationToken);
    }
}
