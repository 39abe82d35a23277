using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Queues;
using Moment.Application.Staff;
using Moment.Domain.Cases;
using Moment.Domain.Conversations;
using Moment.Domain.Phone;
using Moment.Domain.Queues;

namespace Moment.Application.Phone;

/// <summary>
/// One round of a caller's wait (turn 1, 2, …, one every <see cref="PhoneSettings.AnnounceEvery"/>): the first round
/// puts them in the queue's line at the moment they called; every round tells them their place and the range of wait
/// from the same estimate as the chat's (the first range is the promise honesty is measured by) and their choices. A
/// person who took the call meanwhile is dialled here too, so the caller is put through even if the provider could not
/// be reached to interrupt the wait.
/// </summary>
public sealed class WaitInLine(
    AppDbContext db, AnswerCall calls, CallLog log, QueueLines lines, QueueSignal signal, PhoneSettings settings, TimeProvider time)
{
    /// <summary>How long to listen for a key after the announcement and the pause; the pause is the real wait.</summary>
    public static readonly TimeSpan KeyTimeout = TimeSpan.FromSeconds(1);

    /// <remarks>A round sent twice at once: the copy that saves second is answered again against what the first saved.</remarks>
    public Task<CallAnswer> HandleAsync(CallEvent call, int turn, CancellationToken cancellationToken = default) =>
        db.RetryAsync(() => RoundAsync(call, turn, cancellationToken));

    private async Task<CallAnswer> RoundAsync(CallEvent call, int turn, CancellationToken cancellationToken)
    {
        turn = Math.Max(1, turn);
        var found = await calls.CallOfAsync(call, cancellationToken);
        if (found is null)
            return CallAnswer.Of(PhoneTexts.NoLine("sv"), new HangUp());
        if (found.HasEnded)
            return CallAnswer.Of(new HangUp());
        var contact = await ContactOfAsync(found, cancellationToken);
        if (contact is null)
            return CallAnswer.Of(PhoneTexts.NoLine(found.Language), new HangUp());
        if (contact.Callback == CallbackWay.Phone && contact.CallbackNumber is { } number)
            return CallAnswer.Of(PhoneTexts.WillCallBack(found.Language, number), PhoneTexts.Goodbye(found.Language), new HangUp());

        switch (contact.State)
        {
            case ContactState.Waiting or ContactState.Offered:
                return await AnnounceAsync(found, contact, turn, cancellationToken);
            case ContactState.Answered when await AgentAsync(contact.AnsweredById, cancellationToken) is { Phone: { } phone } agent:
                if (await log.TakeAsync(found, CallStepKind.Bridged, turn, agent.Name, cancellationToken))
                {
                    found.Bridging();
                    await db.SaveChangesAsync(cancellationToken);
                }

                return CallAnswer.Of(PhoneTexts.PuttingThrough(found.Language, StaffUser.FirstNameOf(agent.Name)), new DialNumber(phone));
            case ContactState.Answered:
                return CallAnswer.Of(PhoneTexts.AboutToBeAnswered(found.Language), new PauseFor(TimeSpan.FromSeconds(10)), new RedirectTo(new CallLink(CallHook.Wait, turn + 1)));
            default:
                return CallAnswer.Of(PhoneTexts.Goodbye(found.Language), new HangUp());
        }
    }

    private async Task<CallAnswer> AnnounceAsync(Call call, WaitingContact contact, int turn, CancellationToken cancellationToken)
    {
        var place = await lines.PlaceOfAsync(contact, cancellationToken);
        if (place is null)
            return CallAnswer.Of(new RedirectTo(new CallLink(CallHook.Wait, turn + 1)));
        if (await log.TakeAsync(call, CallStepKind.PositionHeard, turn, Heard(place), cancellationToken))
        {
            if (place is { From: { } from, To: { } to })
                contact.Shown(from, to, time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Routing moved the contact on meanwhile, or the same webhook came twice: the next round tells the truth.
                db.ChangeTracker.Clear();
            }
        }

        var language = call.Language;
        return CallAnswer.Of(
            new GatherDigit(
                [PhoneTexts.Position(language, place.Position, place.From, place.To), PhoneTexts.Choices(language), new PauseFor(settings.AnnounceEvery)],
                KeyTimeout, new CallLink(CallHook.WaitChoice, turn)),
            new RedirectTo(new CallLink(CallHook.Wait, turn + 1)));
    }

    /// <summary>
    /// The call's place in the line, taken at its first round: the place is the moment the caller called (the greeting
    /// costs them nothing), and the contact carries a conversation that lands on the case whoever takes it owns.
    /// </summary>
    internal async Task<WaitingContact?> ContactOfAsync(Call call, CancellationToken cancellationToken)
    {
        if (call.ContactId is { } id)
            return await db.WaitingContacts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        var queue = await db.Queues.AsNoTracking().FirstOrDefaultAsync(q => q.Id == call.QueueId, cancellationToken);
        if (queue is null)
            return null;
        var now = time.GetUtcNow();
        var from = Customers.PhoneNumbers.TryNormalize(call.From);
        var customer = await calls.CustomerAsync(from, cancellationToken);
        var conversation = Conversation.Waiting(Door.Phone, call.StartedAt, call.ProviderCallId);
        var contact = WaitingContact.Enter(
            queue, Door.Phone, call.Language, customer?.Name ?? PhoneTexts.Caller(from), from, null, PhoneTexts.Question(call.Language, from),
            customer?.Id, conversation.Id, SHA256.HashData(Encoding.UTF8.GetBytes("call:" + call.ProviderCallId)), withBot: false, call.StartedAt);
        if (customer is { } known && await OwnerOfOpenCaseAsync(known.Id, cancellationToken) is { } owner)
            contact.OfferOwnerFirst(owner);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Conversations.Add(conversation);
        db.WaitingContacts.Add(contact);
        await log.TakeAsync(call, CallStepKind.JoinedLine, 0, queue.Name, cancellationToken);
        call.Joined(contact.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same round sent twice at once: the other copy put the caller in line, once.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var again = await log.FindAsync(call.ProviderCallId, cancellationToken);
            return again?.ContactId is { } theirs ? await db.WaitingContacts.FirstOrDefaultAsync(c => c.Id == theirs, cancellationToken) : null;
        }

        signal.Poke();
        return contact;
    }

    /// <summary>The owner of the customer's open case they last had news on: the one the call is most likely about.</summary>
    private async Task<Guid?> OwnerOfOpenCaseAsync(Guid customerId, CancellationToken cancellationToken) =>
        await db.Cases.AsNoTracking()
            .Where(c => c.CustomerId == customerId && (c.Status == CaseStatus.Open || c.Status == CaseStatus.ProposedSolved))
            .OrderByDescending(c => c.UpdatedAt).Select(c => (Guid?)c.OwnerId).FirstOrDefaultAsync(cancellationToken);

    private async Task<(string Name, string? Phone)?> AgentAsync(Guid? agentId, CancellationToken cancellationToken) =>
        agentId is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.DisplayName, u.PhoneNumber }).FirstOrDefaultAsync(cancellationToken) is { } user
                ? (user.DisplayName, user.PhoneNumber)
                : null
            : null;

    private static string Heard(PlaceInLine place) => place is { From: { } from, To: { } to }
        ? string.Create(CultureInfo.InvariantCulture, $"{place.Position}: {from.TotalMinutes:0}-{to.TotalMinutes:0} min")
        : string.Create(CultureInfo.InvariantCulture, $"{place.Position}: no range");
}
