using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Queues;
using Moment.Application.Telemetry;
using Moment.Domain.Phone;
using Moment.Domain.Queues;

namespace Moment.Application.Phone;

/// <summary>
/// The provider says a call ended (its status callback), at whatever step. A caller who hangs up in line without a
/// callback abandoned it (counted as the chat's are); with a callback their place stays; a call a person took ends its
/// contact and frees the person. A callback the customer did not answer is logged as the provider's failure and stays
/// with the agent who owns its promise. Once per call: the same status again changes nothing; an unknown call is ignored.
/// </summary>
public sealed class EndCall(AppDbContext db, CallLog log, EndContact endContact, QueueSignal signal, MomentMetrics metrics, TimeProvider time)
{
    public async Task HandleAsync(CallEvent call, CallOutcome outcome, CancellationToken cancellationToken = default)
    {
        if (await log.FindAsync(call.CallId, cancellationToken) is not { } found || found.HasEnded)
            return;
        var now = time.GetUtcNow();
        await log.TakeAsync(found, CallStepKind.Ended, 0, outcome.ToString(), cancellationToken);
        found.End(now);
        var contact = found.ContactId is { } id ? await db.WaitingContacts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
        if (found.Direction == CallDirection.Outbound && outcome != CallOutcome.Completed)
        {
            await log.TakeAsync(found, CallStepKind.ProviderFailed, 0, $"The callback to {found.To} was not answered ({outcome}).", cancellationToken);
            found.Failed($"The callback to {found.To} was not answered ({outcome}).");
        }

        var inLine = contact?.IsInLine == true;
        if (contact is not null && contact.IsOpen && contact.Leave(now))
            await log.TakeAsync(found, CallStepKind.Abandoned, 0, null, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same status sent twice at once: the other copy ended the call.
            db.ChangeTracker.Clear();
            return;
        }

        if (contact is { State: ContactState.Abandoned } && inLine)
            metrics.QueueWaited(contact.QueueId, now - contact.PlaceAt, "left");
        // The call a person took is over: so is the contact, and the person is free (a callback not answered is kept).
        if (contact is { State: ContactState.Answered } && (found.Direction == CallDirection.Inbound || outcome == CallOutcome.Completed))
            await endContact.EndAsync(contact, cancellationToken);
        signal.Poke();
    }
}
