using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain.Cases;
using Moment.Domain.Phone;
using Moment.Domain.Queues;

namespace Moment.Application.Phone;

/// <summary>
/// What an agent must know when their call could not be put through or placed: a sentence with the customer's number as
/// its argument, translated on the desk like a refusal (the format is the resource key).
/// </summary>
public sealed record CallProblem(string Format, string? Number = null)
{
    public string Text => string.Format(System.Globalization.CultureInfo.InvariantCulture, Format, Number);
}

/// <summary>
/// A person took a contact that is a call (<see cref="Queues.AnswerOffer"/>): the caller still on the line is put through
/// to the phone on the person's profile (the provider is asked to interrupt the wait with a dial); a callback whose place
/// came up is placed now, and bridges the person when the customer answers. Runs after the answer is saved: the case is
/// the agent's whatever the provider says. A provider that cannot be reached after its retries is logged on the call and
/// said to the agent, who owns the case and its callback promise and can call the number themselves; a caller still on
/// the line is put through by their next round of waiting instead.
/// </summary>
public sealed class PutCallThrough(AppDbContext db, ITelephony telephony, CallLog log, PhoneSettings settings, TimeProvider time)
{
    /// <summary>Null when the call was put through (or placed); else what the agent needs to know.</summary>
    public async Task<CallProblem?> HandleAsync(WaitingContact contact, CancellationToken cancellationToken = default)
    {
        if (contact.RoutedAs != Door.Phone || contact.AnsweredById is not { } agentId)
            return null;
        var agent = await db.Users.AsNoTracking().Where(u => u.Id == agentId).Select(u => new { u.DisplayName, u.PhoneNumber }).FirstAsync(cancellationToken);
        var live = await db.Calls.AsNoTracking().Where(c => c.ContactId == contact.Id && c.Direction == CallDirection.Inbound).FirstOrDefaultAsync(cancellationToken);
        await RecordAsync(live, call => log.TakeAsync(call, CallStepKind.Answered, 0, agent.DisplayName, cancellationToken), cancellationToken);
        if (string.IsNullOrEmpty(agent.PhoneNumber))
            return new CallProblem("Add your phone number to your profile to take calls: this call cannot be put through to you.");

        var firstName = StaffUser.FirstNameOf(agent.DisplayName);
        if (contact.Callback == CallbackWay.Phone && contact.CallbackNumber is { } number)
            return await CallBackAsync(contact, number, firstName, agent.PhoneNumber, live, cancellationToken);
        if (live is null || live.HasEnded)
            return null;
        try
        {
            await telephony.RedirectAsync(live.ProviderCallId, CallAnswer.Of(PhoneTexts.PuttingThrough(live.Language, firstName), new DialNumber(agent.PhoneNumber)), cancellationToken);
        }
        catch (TelephonyException failure)
        {
            await RecordAsync(live, async call =>
            {
                await log.TakeAsync(call, CallStepKind.ProviderFailed, 0, failure.Message, cancellationToken);
                call.Failed(failure.Message);
            }, cancellationToken);
            return new CallProblem("The phone provider could not be reached to put the call through; the caller is put through at their next announcement.");
        }

        await RecordAsync(live, async call =>
        {
            await log.TakeAsync(call, CallStepKind.Bridged, 0, agent.DisplayName, cancellationToken);
            call.Bridging();
        }, cancellationToken);
        return null;
    }

    /// <summary>
    /// Records what happened on a call, read afresh: the caller's next round or the call's end may be saved at the same
    /// moment (the provider's request takes seconds with its retries), and what they saved stands beside this. The agent's
    /// answer is saved before this runs: nothing here may make it look refused.
    /// </summary>
    private async Task RecordAsync(Call? seen, Func<Call, Task> record, CancellationToken cancellationToken)
    {
        if (seen is null)
            return;
        await db.RetryAsync(async () =>
        {
            // Read through the log, so that the steps come with the call and taking one asks nothing more.
            var call = await log.FindAsync(seen.ProviderCallId, cancellationToken)
                ?? throw new InvalidOperationException($"The call {seen.ProviderCallId} is not in the log.");
            await record(call);
            await db.SaveChangesAsync(cancellationToken);
        });
    }

    private async Task<CallProblem?> CallBackAsync(WaitingContact contact, string number, string firstName, string agentPhone, Call? asked, CancellationToken cancellationToken)
    {
        if (!telephony.IsConfigured)
            return new CallProblem("No phone provider is set up: call {0} yourself.", Customers.PhoneNumbers.Display(number));

        string placed;
        try
        {
            placed = await telephony.PlaceCallAsync(number, CallAnswer.Of(PhoneTexts.CallingBack(contact.Language, firstName), new DialNumber(agentPhone)), cancellationToken);
        }
        catch (TelephonyException failure)
        {
            await RecordAsync(asked, async call =>
            {
                await log.TakeAsync(call, CallStepKind.ProviderFailed, 0, failure.Message, cancellationToken);
                call.Failed(failure.Message);
            }, cancellationToken);
            return new CallProblem("The phone provider could not place the callback: call {0} yourself. The promise is yours.", Customers.PhoneNumbers.Display(number));
        }

        // A call of its own, new: nothing else knows it yet to write it at the same moment.
        var outbound = Call.Outbound(placed, settings.CallbackFrom ?? "", number, contact.QueueId, contact.Id, contact.Language, time.GetUtcNow());
        db.Calls.Add(outbound);
        await log.TakeAsync(outbound, CallStepKind.CallbackPlaced, 0, number, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(asked, call => log.TakeAsync(call, CallStepKind.CallbackPlaced, 0, placed, cancellationToken), cancellationToken);
        return null;
    }
}
