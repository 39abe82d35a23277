using Microsoft.EntityFrameworkCore;
using Moment.Application.Customers;
using Moment.Application.Data;
using Moment.Domain.Calendar;
using Moment.Domain.Cases;
using Moment.Domain.Phone;

namespace Moment.Application.Phone;

/// <summary>
/// A call comes in (the provider's first webhook): it is logged, the caller is identified by their number where Moment
/// knows it, and greeted in Swedish with the way to English (9) and to a person (0) at once. No menu: whoever presses
/// nothing joins the line when the greeting ends. Outside the team's opening hours the caller hears when it opens and
/// may press 1 for a callback then. The same webhook sent again greets again and adds nothing.
/// </summary>
public sealed class AnswerCall(AppDbContext db, CallLog log, PhoneLines lines, TimeProvider time)
{
    /// <summary>How long the caller has after the greeting to press a key before they join the line.</summary>
    public static readonly TimeSpan GreetingTimeout = TimeSpan.FromSeconds(3);

    public async Task<CallAnswer> HandleAsync(CallEvent call, CancellationToken cancellationToken = default)
    {
        var found = await CallOfAsync(call, cancellationToken);
        if (found is null)
            return CallAnswer.Of(PhoneTexts.NoLine("sv"), new HangUp());
        if (found.HasEnded)
            return CallAnswer.Of(new HangUp());
        if (found.State != CallState.Greeting)
            return CallAnswer.Of(new RedirectTo(new CallLink(CallHook.Wait, await NextTurnAsync(found, cancellationToken))));
        return await GreetingAsync(found, found.Language, cancellationToken);
    }

    /// <summary>The greeting in the call's language: the English one is turn 1, so that a 9 pressed during it means nothing new.</summary>
    internal async Task<CallAnswer> GreetingAsync(Call call, string language, CancellationToken cancellationToken)
    {
        var calendar = await CalendarAsync(call.QueueId!.Value, cancellationToken);
        var now = time.GetUtcNow();
        var turn = language == "en" ? 1 : 0;
        if (!calendar.IsOpen(now))
        {
            List<CallInstruction> closed = [PhoneTexts.Closed(language, calendar.NextOpening(now), calendar.TimeZone)];
            if (language == "sv")
                closed.Add(PhoneTexts.ForEnglish);
            return CallAnswer.Of(new GatherDigit(closed, GreetingTimeout, new CallLink(CallHook.GreetingChoice, turn)), PhoneTexts.Goodbye(language), new HangUp());
        }

        List<CallInstruction> prompts = [PhoneTexts.Greeting(language)];
        if (await HasOpenCaseAsync(call.From, cancellationToken))
            prompts.Add(PhoneTexts.OpenCase(language));
        if (language == "sv")
            prompts.Add(PhoneTexts.ForEnglish);
        return CallAnswer.Of(new GatherDigit(prompts, GreetingTimeout, new CallLink(CallHook.GreetingChoice, turn)), new RedirectTo(new CallLink(CallHook.Wait, 1)));
    }

    /// <summary>
    /// The call of a webhook, logged on first sight. A later step of a call Moment never saw (its first webhook lost) is
    /// taken in as if it had just entered. Null when the number called leads to no queue.
    /// </summary>
    internal async Task<Call?> CallOfAsync(CallEvent call, CancellationToken cancellationToken)
    {
        if (await log.FindAsync(call.CallId, cancellationToken) is { } known)
            return known;
        if (await lines.QueueOfAsync(call.To, cancellationToken) is not { } queueId)
            return null;
        var entered = Call.Inbound(call.CallId, call.From, call.To, queueId, time.GetUtcNow());
        db.Calls.Add(entered);
        await log.TakeAsync(entered, CallStepKind.Entered, 0, entered.From, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return entered;
        }
        catch (DbUpdateException)
        {
            // The same first webhook, sent twice at once: the other copy logged the call.
            db.ChangeTracker.Clear();
            return await log.FindAsync(call.CallId, cancellationToken);
        }
    }

    /// <summary>The waiting round after the last one the caller heard.</summary>
    internal async Task<int> NextTurnAsync(Call call, CancellationToken cancellationToken) =>
        1 + await db.CallSteps.Where(s => s.CallId == call.Id && s.Kind == CallStepKind.PositionHeard).Select(s => (int?)s.Turn).MaxAsync(cancellationToken) ?? 1;

    internal async Task<BusinessCalendar> CalendarAsync(Guid queueId, CancellationToken cancellationToken) =>
        new(await db.Queues.AsNoTracking().Where(q => q.Id == queueId)
            .Join(db.Teams, q => q.TeamId, t => t.Id, (q, t) => t.Calendar).FirstAsync(cancellationToken));

    /// <summary>The one customer with this number, when there is exactly one: a shared number names nobody.</summary>
    internal async Task<(Guid Id, string Name)?> CustomerAsync(string? e164, CancellationToken cancellationToken)
    {
        if (e164 is null)
            return null;
        var found = await db.Customers.AsNoTracking().WithPhoneNumber(e164)
            .Select(c => new { c.Id, c.Name }).OrderBy(c => c.Id).Take(2).ToListAsync(cancellationToken);
        return found is [var one] ? (one.Id, one.Name) : null;
    }

    private async Task<bool> HasOpenCaseAsync(string from, CancellationToken cancellationToken) =>
        await CustomerAsync(Customers.PhoneNumbers.TryNormalize(from), cancellationToken) is { } customer
        && await db.Cases.AnyAsync(c => c.CustomerId == customer.Id && (c.Status == CaseStatus.Open || c.Status == CaseStatus.ProposedSolved), cancellationToken);
}
