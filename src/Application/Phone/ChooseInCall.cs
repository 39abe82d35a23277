using Moment.Application.Chat;
using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Phone;
using Moment.Domain.Queues;

namespace Moment.Application.Phone;

/// <summary>
/// The key a caller pressed (or none), at the greeting or while waiting. At the greeting: 9 for English, 0 (or nothing)
/// to get in line; while waiting: 1 for a callback to the number they call from, which keeps their place and lets them
/// hang up, 0 to stay in line. Outside opening hours 1 at the greeting leaves a callback for when the team opens. A key
/// that means nothing is said to mean nothing, and the caller keeps waiting. Each key is logged once per turn: the same
/// webhook again answers as before.
/// </summary>
public sealed class ChooseInCall(AppDbContext db, AnswerCall calls, WaitInLine wait, AskForCallback callbacks, CallLog log, TimeProvider time)
{
    public async Task<CallAnswer> HandleAsync(CallEvent call, CallLink at, CancellationToken cancellationToken = default)
    {
        var found = await calls.CallOfAsync(call, cancellationToken);
        if (found is null)
            return CallAnswer.Of(PhoneTexts.NoLine("sv"), new HangUp());
        if (found.HasEnded)
            return CallAnswer.Of(new HangUp());
        var key = call.Digits?.Trim() is { Length: > 0 } digits ? digits[0] : (char?)null;
        var turn = Math.Max(0, at.Turn);
        var next = new RedirectTo(new CallLink(CallHook.Wait, at.Hook == CallHook.GreetingChoice ? 1 : turn + 1));

        if (at.Hook == CallHook.GreetingChoice)
        {
            var calendar = await calls.CalendarAsync(found.QueueId!.Value, cancellationToken);
            var open = calendar.IsOpen(time.GetUtcNow());
            switch (key)
            {
                case '9' when found.Language == "sv":
                    if (await log.TakeAsync(found, CallStepKind.PressedNine, turn, null, cancellationToken))
                        found.SpeakEnglish();
                    await db.SaveChangesAsync(cancellationToken);
                    return await calls.GreetingAsync(found, "en", cancellationToken);
                case '1' when !open:
                    return await CallBackAsync(found, turn, next, cancellationToken);
                case '0' or null when open:
                    if (key is not null && await log.TakeAsync(found, CallStepKind.PressedZero, turn, null, cancellationToken))
                        await db.SaveChangesAsync(cancellationToken);
                    return CallAnswer.Of(next);
                case { } _ when open:
                    return await OtherAsync(found, turn, key, next, cancellationToken);
                default:
                    return CallAnswer.Of(PhoneTexts.Goodbye(found.Language), new HangUp());
            }
        }

        switch (key)
        {
            case '1':
                return await CallBackAsync(found, turn, next, cancellationToken);
            case '0':
                if (await log.TakeAsync(found, CallStepKind.PressedZero, turn, null, cancellationToken))
                    await db.SaveChangesAsync(cancellationToken);
                return CallAnswer.Of(PhoneTexts.StayingInLine(found.Language), next);
            case null:
                return CallAnswer.Of(next);
            default:
                return await OtherAsync(found, turn, key, next, cancellationToken);
        }
    }

    private async Task<CallAnswer> OtherAsync(Call call, int turn, char? key, RedirectTo next, CancellationToken cancellationToken)
    {
        if (await log.TakeAsync(call, CallStepKind.PressedOther, turn, key?.ToString(), cancellationToken))
            await db.SaveChangesAsync(cancellationToken);
        return CallAnswer.Of(PhoneTexts.NoSuchChoice(call.Language), next);
    }

    /// <summary>
    /// A callback to the number the caller calls from: the same promise as the chat's (<see cref="AskForCallback"/>), with
    /// the place the caller has had since they called. A hidden number cannot be called back; the caller keeps waiting.
    /// </summary>
    private async Task<CallAnswer> CallBackAsync(Call call, int turn, RedirectTo next, CancellationToken cancellationToken)
    {
        if (Customers.PhoneNumbers.TryNormalize(call.From) is not { } number)
        {
            if (await log.TakeAsync(call, CallStepKind.CallbackRefused, turn, call.From, cancellationToken))
                await db.SaveChangesAsync(cancellationToken);
            return CallAnswer.Of(PhoneTexts.NoNumberToCall(call.Language), next);
        }

        var contact = await wait.ContactOfAsync(call, cancellationToken);
        if (contact is null)
            return CallAnswer.Of(PhoneTexts.NoLine(call.Language), new HangUp());
        if (contact.Callback != CallbackWay.Phone)
        {
            if (!contact.IsOpen)
                return CallAnswer.Of(next); // a person took it meanwhile: the next round puts the caller through
            await log.TakeAsync(call, CallStepKind.PressedOne, turn, null, cancellationToken);
            await log.TakeAsync(call, CallStepKind.CallbackAsked, 0, number, cancellationToken);
            call.CallbackAsked();
            try
            {
                // Saves the key and the step with the promise, in its transaction.
                await callbacks.KeepAsync(contact, number, cancellationToken);
            }
            catch (ConflictException)
            {
                return CallAnswer.Of(next);
            }
        }

        return CallAnswer.Of(PhoneTexts.WillCallBack(call.Language, contact.CallbackNumber ?? number), PhoneTexts.Goodbye(call.Language), new HangUp());
    }
}
