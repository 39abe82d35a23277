using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Conversations;
using Moment.Application.Data;
using Moment.Application.Queues;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Calendar;
using Moment.Domain.Cases;
using Moment.Domain.Queues;

namespace Moment.Application.Chat;

/// <summary>A number to call (any Swedish notation), or none to be answered in the chat itself.</summary>
public sealed record AskForCallbackRequest(string? Phone, bool WriteHere);

/// <summary>
/// The customer leaves the line without losing their place. A call back is a promise (principle 6): its deadline is the
/// end of the range of wait they were shown, and it is kept on a case opened for it now, with the team's lead as its
/// keeper until an agent takes it from the line (then the agent owns the case and keeps the promise). Missed, it is a
/// broken promise like any other.
/// </summary>
public sealed class AskForCallback(
    AppDbContext db, ChatTokens tokens, QueueLines lines, OpenCaseFromContact open, CaseWork work, StaffCards staff, ReadChat read, QueueSignal signal, TimeProvider time)
{
    /// <summary>How long a callback is promised within when nobody serves the line to work a range out from.</summary>
    public static readonly TimeSpan WithoutARange = TimeSpan.FromHours(1);

    public async Task<ChatStanding> HandleAsync(string? token, AskForCallbackRequest request, CancellationToken cancellationToken = default)
    {
        var contact = await tokens.FindAsync(token, cancellationToken);
        var now = time.GetUtcNow();
        if (request.WriteHere)
        {
            contact.AskForCallback(CallbackWay.WriteHere, null, now);
            await db.SaveChangesAsync(cancellationToken);
            signal.Poke();
            return await read.StandingAsync(contact, null, cancellationToken);
        }

        var number = Customers.PhoneNumbers.TryNormalize(request.Phone)
            ?? throw new DomainRuleException("That is not a phone number we can call.", "Phone");
        await KeepAsync(contact, number, cancellationToken);
        return await read.StandingAsync(contact, null, cancellationToken);
    }

    /// <summary>
    /// Keeps a phone callback for a contact at any door (the chat's number typed in, the caller's own number at the phone
    /// door): the promise, its case and its keeper, in one transaction. The contact needs its conversation for the case.
    /// </summary>
    public async Task KeepAsync(WaitingContact contact, string number, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (contact.Callback == CallbackWay.Phone)
            throw new ConflictException("You have already asked us to call you back.");
        var queue = await db.Queues.AsNoTracking().FirstAsync(q => q.Id == contact.QueueId, cancellationToken);
        var team = await db.Teams.AsNoTracking().FirstAsync(t => t.Id == queue.TeamId, cancellationToken);
        var calendar = new BusinessCalendar(team.Calendar);
        var place = await lines.PlaceOfAsync(contact, cancellationToken);
        var deadline = calendar.IsOpen(now) ? now + (place?.To ?? WithoutARange) : calendar.NextOpening(now) + WithoutARange;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        contact.AskForCallback(CallbackWay.Phone, number, now);
        if (await KeeperAsync(team.TeamLeadId ?? team.ResponsibleManagerId, cancellationToken) is { } keeper && contact.ConversationId is { } conversation)
        {
            var opened = await open.HandleAsync(new OpenCaseFromContactRequest(
                contact.Door, contact.CustomerId, contact.CustomerName, number, contact.Email, null, contact.CaseSubject, contact.Question,
                WaitingConversationId: conversation), keeper, cancellationToken);
            var @case = await work.LoadAsync(opened.CaseNumber, null, cancellationToken);
            @case.MakeCommitment(null, CommitmentKind.CallBack, What(contact.Language, number, deadline, calendar.TimeZone), keeper.Id, keeper.TeamId, deadline, Door.Phone, now);
            contact.KeptOn(@case.Id, @case.Number);
            contact.Landed(@case.Id, @case.Number, opened.CustomerId);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Poke();
    }

    private async Task<Actor?> KeeperAsync(Guid? id, CancellationToken cancellationToken) =>
        id is { } keeperId && await staff.FindAsync(keeperId, cancellationToken) is { IsActive: true } card ? Actor.Of(card) : null;

    /// <summary>The promise in the words the customer was given, in their language and the team's time.</summary>
    private static string What(string language, string number, DateTimeOffset deadline, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(deadline, zone);
        var culture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "sv-SE");
        return language == "en"
            ? string.Create(culture, $"We will call you on {number} by {local:HH:mm} on {local:d MMMM}.")
            : string.Create(culture, $"Vi ringer dig på {number} senast {local:HH:mm} den {local:d MMMM}.");
    }
}
