using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Application.Queues;
using Moment.Application.Telemetry;
using Moment.Domain.Phone;
using Moment.Domain.Queues;

namespace Moment.Application.Phone;

/// <summary>
/// The provider says a call ended (its status callback), at whatever step. A caller who hangs up in line without a
/// callback abandoned it (counted as the chat's are); with a callback their place stays; a call a person took ends its
/// contact and frees the person. A callback the customer answered keeps its promise, by the person who called. One they
/// did not answer (no answer, busy, failed) is placed once more; not answered again, the contact is missed, the person
/// free, and the promise broken at once, with the number in its words (on the keeper's desk among broken promises, and
/// on the customer's page). Once per call: the same status again changes nothing; an unknown call is ignored.
/// </summary>
public sealed class EndCall(
    AppDbContext db, CallLog log, EndContact endContact, CaseWork work, PutCallThrough putThrough, QueueSignal signal, MomentMetrics metrics, TimeProvider time)
{
    /// <summary>How many times a callback is placed before it is missed: the first call and one retry.</summary>
    public const int CallbackTries = 2;

    /// <remarks>
    /// The same status twice at once, or a save of the call at the same moment (the caller's last round, the agent's
    /// answer being put through): the end is taken again against what the other saved; a call already ended is left.
    /// </remarks>
    public Task HandleAsync(CallEvent call, CallOutcome outcome, CancellationToken cancellationToken = default) =>
        db.RetryAsync(() => EndAsync(call, outcome, cancellationToken));

    private async Task EndAsync(CallEvent call, CallOutcome outcome, CancellationToken cancellationToken)
    {
        if (await log.FindAsync(call.CallId, cancellationToken) is not { } found || found.HasEnded)
            return;
        var now = time.GetUtcNow();
        var retry = false;
        // One transaction: the call's end, the contact's and the promise's outcome are one fact, or nothing when the same
        // status comes twice at once.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await log.TakeAsync(found, CallStepKind.Ended, 0, outcome.ToString(), cancellationToken);
            found.End(now);
            var contact = found.ContactId is { } id ? await db.WaitingContacts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
            var calledBack = found.Direction == CallDirection.Outbound && contact is { State: ContactState.Answered, Callback: CallbackWay.Phone };
            if (found.Direction == CallDirection.Outbound && outcome != CallOutcome.Completed)
            {
                await log.TakeAsync(found, CallStepKind.ProviderFailed, 0, $"The callback to {found.To} was not answered ({outcome}).", cancellationToken);
                found.Failed($"The callback to {found.To} was not answered ({outcome}).");
            }

            var inLine = contact?.IsInLine == true;
            if (contact is not null && contact.IsOpen && contact.Leave(now))
                await log.TakeAsync(found, CallStepKind.Abandoned, 0, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            if (contact is { State: ContactState.Abandoned } && inLine)
                metrics.QueueWaited(contact.QueueId, now - contact.PlaceAt, "left");
            if (calledBack && outcome == CallOutcome.Completed)
                await CalledBackAsync(contact!, found, cancellationToken);
            else if (calledBack)
                retry = !await MissedAsync(contact!, found, cancellationToken);
            // The call a person took is over: so is the contact, and the person is free.
            else if (contact is { State: ContactState.Answered } && found.Direction == CallDirection.Inbound)
                await endContact.EndAsync(contact, cancellationToken);

            if (db.Database.CurrentTransaction is not null)
                await transaction.CommitAsync(cancellationToken);
        }

        signal.Poke();
        // Placed again after the end is saved: the provider is not asked while the database waits on it.
        if (retry && await db.WaitingContacts.FirstOrDefaultAsync(c => c.Id == found.ContactId, cancellationToken) is { State: ContactState.Answered } again)
            await putThrough.HandleAsync(again, cancellationToken);
    }

    private async Task CalledBackAsync(WaitingContact contact, Call call, CancellationToken cancellationToken)
    {
        if (contact.CaseId is { } caseId && contact.AnsweredById is { } agent)
        {
            var @case = await work.LoadByIdAsync(caseId, cancellationToken);
            @case.CalledBack(agent, $"Called back on {call.To}: the customer answered.", work.Now);
        }

        await endContact.EndAsync(contact, cancellationToken);
        await SaveCaseAsync(cancellationToken);
    }

    /// <summary>
    /// The case changed at the same moment (a note, a hand-off): nothing of this end was saved, and the whole end is taken
    /// again (<see cref="HandleAsync"/>) against the case as it is now; a status is a fact, never refused.
    /// </summary>
    private async Task SaveCaseAsync(CancellationToken cancellationToken)
    {
        if (!await work.TrySaveAsync(cancellationToken))
            throw new DbUpdateConcurrencyException("The case changed while the call's end was saved.");
    }

    /// <summary>Whether the callback is missed now (the tries are spent); false when it is to be placed once more.</summary>
    private async Task<bool> MissedAsync(WaitingContact contact, Call call, CancellationToken cancellationToken)
    {
        var tries = await db.Calls.CountAsync(c => c.ContactId == contact.Id && c.Direction == CallDirection.Outbound, cancellationToken);
        if (tries < CallbackTries)
        {
            await log.TakeAsync(call, CallStepKind.CallbackRetried, 0, call.To, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        await log.TakeAsync(call, CallStepKind.CallbackMissed, 0, call.To, cancellationToken);
        if (contact.CaseId is { } caseId)
            (await work.LoadByIdAsync(caseId, cancellationToken)).CallbackMissed(work.Now);
        await endContact.EndAsync(contact, cancellationToken, missed: true);
        await SaveCaseAsync(cancellationToken);
        return true;
    }
}
