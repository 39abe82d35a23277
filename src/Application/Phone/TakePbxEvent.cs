using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain;
using Moment.Domain.Phone;

namespace Moment.Application.Phone;

/// <summary>
/// One call event from the PBX, in the shape of Zammad's generic CTI so that the connectors written for it work here:
/// <c>event</c> newCall, answer or hangup; <c>callId</c>; <c>from</c> and <c>to</c>; <c>direction</c> in or out;
/// <c>extension</c> (or <c>user</c>) the extension that rings, answers or calls; <c>answeringNumber</c> on an answer;
/// <c>cause</c> on a hang-up.
/// </summary>
public sealed record PbxEventRequest(
    string? Event, string? CallId, string? From, string? To, string? Direction, string? Extension, string? User, string? AnsweringNumber, string? Cause);

/// <summary>Who should see the change live: the person at the extension before and after it (a call answered elsewhere leaves one desk for another).</summary>
public sealed record PbxEventTaken(IReadOnlyList<Guid> Tell);

public sealed class TakePbxEvent(AppDbContext db, TimeProvider time)
{
    public async Task<PbxEventTaken> HandleAsync(PbxEventRequest request, CancellationToken cancellationToken = default)
    {
        // Two events of one call at once (the PBX retried before the first was answered, or an answer and a hang-up
        // crossed): the other was saved first; this one is taken again against what it saved.
        return await db.RetryAsync(() => TakeAsync(request, cancellationToken));
    }

    private async Task<PbxEventTaken> TakeAsync(PbxEventRequest request, CancellationToken cancellationToken)
    {
        var kind = Text.Optional(request.Event, "Event", 20)?.ToLowerInvariant() switch
        {
            "newcall" => EventKind.NewCall,
            "answer" => EventKind.Answer,
            "hangup" => EventKind.Hangup,
            null => throw new DomainRuleException("Say what happened to the call (event): newCall, answer or hangup.", "Event"),
            _ => throw new DomainRuleException("The event must be newCall, answer or hangup.", "Event"),
        };
        var callId = Text.Required(request.CallId, "CallId", PbxCall.CallIdMaxLength);
        var direction = Text.Optional(request.Direction, "Direction", 10)?.ToLowerInvariant() switch
        {
            null or "in" or "inbound" => CallDirection.Inbound,
            "out" or "outbound" => CallDirection.Outbound,
            _ => throw new DomainRuleException("The direction must be in or out.", "Direction"),
        };
        var from = Text.Optional(request.From, "From", PbxCall.NumberMaxLength) ?? "";
        var to = Text.Optional(request.To, "To", PbxCall.NumberMaxLength) ?? "";
        var extension = Text.Optional(request.Extension ?? FirstOf(request.User), "Extension", Staff.StaffUser.ExtensionMaxLength);
        var answering = Text.Optional(request.AnsweringNumber, "AnsweringNumber", PbxCall.NumberMaxLength);
        var cause = Text.Optional(request.Cause, "Cause", PbxCall.CauseMaxLength);
        var now = time.GetUtcNow();

        var call = await db.PbxCalls.FirstOrDefaultAsync(c => c.CallId == callId, cancellationToken);
        var before = call?.AgentId;
        if (call is null)
        {
            // An answer or a hang-up of a call Moment never heard ring (it was down, or the PBX lost the event) is still
            // a call someone should see and log: it starts here.
            // Without an extension named, the number called (inbound) or calling (outbound) may itself be one.
            var ringing = extension ?? (direction == CallDirection.Inbound ? to : from);
            var agent = await AtExtensionAsync(ringing, cancellationToken);
            var customerNumber = Customers.PhoneNumbers.TryNormalize(direction == CallDirection.Inbound ? from : to);
            call = PbxCall.Ring(callId, direction, from, to, customerNumber, agent is null ? extension : ringing, agent, now);
            db.PbxCalls.Add(call);
        }

        switch (kind)
        {
            case EventKind.Answer:
                var at = extension ?? answering;
                call.Answer(at, at is null ? null : await AtExtensionAsync(at, cancellationToken), now);
                break;
            case EventKind.Hangup:
                call.HangUp(cause, now);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);

        return new PbxEventTaken([.. new[] { before, call.AgentId }.OfType<Guid>().Distinct()]);
    }

    private async Task<Guid?> AtExtensionAsync(string? extension, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(extension)
            ? null
            : await db.Users.Where(u => u.Extension == extension && u.IsActive).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Zammad's connectors send the users a call rings for as a list (<c>user[]</c>); the first is the extension.</summary>
    private static string? FirstOf(string? users) =>
        users?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    private enum EventKind
    {
        NewCall,
        Answer,
        Hangup,
    }
}
