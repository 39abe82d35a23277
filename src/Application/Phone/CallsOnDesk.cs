using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Customers;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;
using Moment.Domain.Phone;

namespace Moment.Application.Phone;

/// <summary>An open case of the caller's, with what the person answering needs first: who owns it and what was promised.</summary>
public sealed record CallerCase(string Number, string Subject, string OwnerName, int OpenPromises, DateTimeOffset? NextDeadline);

/// <summary>A customer the calling number belongs to (a shared number may belong to several).</summary>
public sealed record Caller(Guid CustomerId, string Name, IReadOnlyList<CallerCase> OpenCases);

public sealed record CallOnDesk(
    Guid Id, CallDirection Direction, string Number, PbxCallState State, DateTimeOffset StartedAt, DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt, bool Missed, IReadOnlyList<Caller> Callers);

/// <summary>
/// The calls on one person's desk: ringing at their extension, in progress, or ended and not yet logged on a case (from
/// the last <see cref="Kept"/>; a call nobody logs by then is on the call log, not on the desk for ever). Each with the
/// caller as Moment knows them: the customer, their open cases and their open promises.
/// </summary>
public sealed class CallsOnDesk(AppDbContext db, TimeProvider time)
{
    public static readonly TimeSpan Kept = TimeSpan.FromHours(8);

    public const int Shown = 10;

    public async Task<IReadOnlyList<CallOnDesk>> HandleAsync(Guid agentId, CancellationToken cancellationToken = default)
    {
        var since = time.GetUtcNow() - Kept;
        var calls = await db.PbxCalls.AsNoTracking()
            .Where(c => c.AgentId == agentId && c.LoggedOn == null && c.StartedAt >= since)
            .OrderByDescending(c => c.StartedAt)
            .Take(Shown)
            .ToListAsync(cancellationToken);
        var views = new List<CallOnDesk>(calls.Count);
        foreach (var call in calls)
        {
            var callers = call.CustomerNumber is { } number ? await CallersAsync(db, number, cancellationToken) : [];
            views.Add(new CallOnDesk(
                call.Id, call.Direction, NumberOf(call),
                call.State, call.StartedAt, call.AnsweredAt, call.EndedAt, call.Missed, callers));
        }

        return views;
    }

    /// <summary>The customer's side of the call as people write it, or as the PBX sent it when it is no phone number.</summary>
    internal static string NumberOf(PbxCall call) =>
        call.CustomerNumber is { } e164 ? Customers.PhoneNumbers.Display(e164) : call.Direction == CallDirection.Inbound ? call.From : call.To;

    /// <summary>The customers with this number and their open cases, the most recently changed first.</summary>
    private static async Task<IReadOnlyList<Caller>> CallersAsync(AppDbContext db, string e164, CancellationToken cancellationToken)
    {
        var customers = await db.Customers.AsNoTracking()
            .WithPhoneNumber(e164)
            .OrderBy(c => c.Name)
            .Take(FindCustomers.MaxResults)
            .Select(c => new { c.Id, c.Name })
            .ToListAsync(cancellationToken);
        if (customers.Count == 0)
            return [];
        var ids = customers.Select(c => c.Id).ToList();
        var cases = await db.Cases.AsNoTracking()
            .Where(c => ids.Contains(c.CustomerId) && c.Status != CaseStatus.Resolved && c.Status != CaseStatus.ResolvedBySilence)
            .OrderByDescending(c => c.UpdatedAt)
            .Join(db.Users, c => c.OwnerId, u => u.Id, (c, u) => new { c.Id, c.CustomerId, c.Number, c.Subject, Owner = u.DisplayName })
            .ToListAsync(cancellationToken);
        var caseIds = cases.Select(c => c.Id).ToList();
        var promises = (await db.Commitments.AsNoTracking()
                .Where(p => caseIds.Contains(p.CaseId) && p.State == CommitmentState.Open)
                .Select(p => new { p.CaseId, p.Deadline })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.CaseId);
        return [.. customers.Select(customer => new Caller(customer.Id, customer.Name, [.. cases
            .Where(c => c.CustomerId == customer.Id)
            .Select(c => new CallerCase(c.Number, c.Subject, c.Owner, promises[c.Id].Count(), promises[c.Id].Select(p => (DateTimeOffset?)p.Deadline).Min()))]))];
    }
}

public sealed record LogCallRequest(string? CaseNumber, string? Summary);

/// <summary>
/// A call logged as a contact on the case the person picks (one of the caller's open cases, or any other), in one save
/// with the call marked logged, so it leaves the desk. A call is logged once.
/// </summary>
public sealed class LogCall(AppDbContext db, RecordContact record)
{
    public async Task<string> HandleAsync(Guid callId, LogCallRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        CaseRules.RequireWork(actor);
        var number = CaseNumbers.Normalize(Text.Required(request.CaseNumber, "CaseNumber", 20));
        var call = await db.PbxCalls.FirstOrDefaultAsync(c => c.Id == callId, cancellationToken)
            ?? throw new NotFoundException("There is no such call.");
        call.LogOn(number);
        var direction = call.Direction == CallDirection.Inbound ? ContactDirection.Inbound : ContactDirection.Outbound;
        // RecordContact saves through the same context: the contact and the call's mark go in one save.
        var summary = Text.Optional(request.Summary, "Summary", CaseEvent.TextMaxLength) ?? Said(call);
        await record.HandleAsync(number, new RecordContactRequest(Door.Phone, direction, summary, SameProblem: false, ExpectedVersion: null), actor, cancellationToken);
        return number;
    }

    /// <summary>Without a summary from the person (an integration logging calls), the number and the time talked, in no language.</summary>
    private static string Said(PbxCall call)
    {
        var number = CallsOnDesk.NumberOf(call);
        return call.Talked is { } talked ? $"{number} ({(int)talked.TotalMinutes}:{talked.Seconds:00})" : $"{number} (–)";
    }
}
