using Moment.Application.Chat;
using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Phone;
using Moment.Domain.Queues;

namespace Moment.Application.Phone;

/// <summary>
/// The key a caller pressed (or none), at the greeting or while waiting. At the greeting: 9 for English, 0 (or nothing)
/// to get in line; while waiting: 1 for a callback, which keeps their place and lets them hang up (to the number they
/// call from, or another they key ended with #), 0 to stay in line. Outside opening hours 1 at the greeting leaves a callback for when the team opens. A key
/// that means nothing is said to mean nothing, and the caller keeps waiting. Each key is logged once per turn: the same
/// webhook again answers as before.
/// </summary>
public sealed class ChooseInCall(AppDbContext db, AnswerCall calls, WaitInLine wait, AskForCallback callbacks, CallLog log, TimeProvider time)
{
    /// <remarks>
    /// The same key sent twice at once: the copy that saves second finds its step taken, and is answered again against
    /// what the first saved, as a copy sent later is.
    /// </remarks>
    public Task<CallAnswer> HandleAsync(CallEvent call, CallLink at, CancellationToken cancellationToken = default) =>
        db.RetryAsync(() => ChooseAsync(call, at, cancellationToken));

    private async Task<CallAnswer> ChooseAsync(CallEvent call, CallLink at, CancellationToken cancellationToken)
    {
        var found = await calls.CallOfAsync(call, cancellationToken);
        if (found is null)
            return CallAnswer.Of(PhoneTexts.NoLine("sv"), new HangUp());
        if (found.HasEnded)
            return CallAnswer.Of(new HangUp());
        var key = call.Digits?.Trim() is { Length: > 0 } digits ? digits[0] : (char?)null;
        var turn = Math.Max(0, at.Turn);
        var next = new RedirectTo(new CallLink(CallHook.Wait, at.Hook == CallHook.GreetingChoice ? 1 : turn + 1));
        if (at.Hook == CallHook.CallbackNumber)
            return await NumberKeyedAsync(found, call.Digits, turn, next, cancellationToken);

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
                    return await NumberKeyedAsync(found, null, turn, next, cancellationToken);
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
                return await WhichNumberAsync(found, turn, next, cancellationToken);
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
    /// 1 while waiting: which number to call back. The caller hears the number they call from and may key another, ended
    /// with #; keying nothing keeps the one they call from. A caller whose number is hidden is asked to key one.
    /// </summary>
    private async Task<CallAnswer> WhichNumberAsync(Call call, int turn, RedirectTo next, CancellationToken cancellationToken)
    {
        if (await log.TakeAsync(call, CallStepKind.PressedOne, turn, null, cancellationToken))
            await db.SaveChangesAsync(cancellationToken);
        var asking = new CallLink(CallHook.CallbackNumber, turn);
        return CallAnswer.Of(
            new GatherNumber([PhoneTexts.WhichNumber(call.Language, Customers.PhoneNumbers.TryNormalize(call.From))], NumberTimeout, asking),
            new RedirectTo(asking));
    }

    /// <summary>How long to wait for the first key of another number (and between keys) before the one called from is kept.</summary>
    public static readonly TimeSpan NumberTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The number keyed for the callback (in any Swedish notation: 0701234567, 46701234567), or none for the one called
    /// from. A number that cannot be called is said so, and the caller keeps waiting and may press 1 again.
    /// </summary>
    private async Task<CallAnswer> NumberKeyedAsync(Call call, string? digits, int turn, RedirectTo next, CancellationToken cancellationToken)
    {
        var keyed = digits?.Trim().TrimEnd('#');
        var number = string.IsNullOrEmpty(keyed) ? Customers.PhoneNumbers.TryNormalize(call.From) : Customers.PhoneNumbers.TryNormalize(keyed);
        if (number is null)
        {
            if (await log.TakeAsync(call, CallStepKind.CallbackRefused, turn, string.IsNullOrEmpty(keyed) ? call.From : keyed, cancellationToken))
                await db.SaveChangesAsync(cancellationToken);
            return CallAnswer.Of(string.IsNullOrEmpty(keyed) ? PhoneTexts.NoNumberToCall(call.Language) : PhoneTexts.NotANumber(call.Language), next);
        }

        return await CallBackAsync(call, number, turn, next, cancellationToken);
    }

    /// <summary>
    /// A callback to <paramref name="number"/>: the same promise as the chat's (<see cref="AskForCallback"/>), with the
    /// place the caller has had since they called.
    /// </summary>
    private async Task<CallAnswer> CallBackAsync(Call call, string number, int turn, RedirectTo next, CancellationToken cancellationToken)
    {
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
