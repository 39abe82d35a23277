using Moment.Application.Commitments;
using Moment.Application.Staff;
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
    public async Task HandleAsync(string number, RecordContactRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        CaseRules.RequireWork(actor);
        var @case = await work.LoadAsync(number, request.ExpectedVersion, cancellationToken);
        @case.RecordContact(
            actor.Id,
            request.Door ?? throw new DomainRuleException("Say which door the contact came through.", "Door"),
            request.Direction ?? ContactDirection.Inbound,
            request.Summary ?? "",
            request.SameProblem,
            work.Policy,
            work.Now);
        if (request.Keeps is { } commitmentId)
        {
            // "Answering means a recorded contact with the customer": the contact is how the promise was kept.
            await promises.RequireKeepAsync(actor, @case, commitmentId, cancellationToken);
            @case.KeepCommitment(commitmentId, actor.Id, mayKeepForOthers: true, request.Summary ?? "", work.Now);
        }

        await work.SaveAsync(cancellationToken);
    }
}
