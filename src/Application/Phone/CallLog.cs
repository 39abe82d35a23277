using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Phone;

namespace Moment.Application.Phone;

/// <summary>
/// The calls and their steps: a call found by the provider's id, and a step taken once. A step already in the log means
/// the provider sent the same webhook again: the flow answers as it did, and changes nothing.
/// </summary>
public sealed class CallLog(AppDbContext db, TimeProvider time)
{
    /// <summary>
    /// The steps in the log of each call this scope read, read with the call: one question fewer to the database in every
    /// webhook. A copy of the webhook that logs a step after this read still loses on the unique step when it saves.
    /// </summary>
    private readonly Dictionary<string, HashSet<(CallStepKind, int)>> _logged = [];

    public async Task<Call?> FindAsync(string callId, CancellationToken cancellationToken)
    {
        var found = await db.Calls.Where(c => c.ProviderCallId == callId)
            .Select(c => new { Call = c, Steps = db.CallSteps.Where(s => s.ProviderCallId == c.ProviderCallId).Select(s => new { s.Kind, s.Turn }).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
            return null;
        _logged[callId] = [.. found.Steps.Select(s => (s.Kind, s.Turn))];
        return found.Call;
    }

    public async Task<bool> HasAsync(Call call, CallStepKind kind, int turn, CancellationToken cancellationToken)
    {
        if (db.Entry(call).State == EntityState.Added)
            return false; // a call first seen in this webhook has nothing in the log yet
        return _logged.TryGetValue(call.ProviderCallId, out var logged)
            ? logged.Contains((kind, turn))
            : await db.CallSteps.AnyAsync(s => s.ProviderCallId == call.ProviderCallId && s.Kind == kind && s.Turn == turn, cancellationToken);
    }

    /// <summary>
    /// Adds the step unless it is in the log already (the caller saves it with what it changes, so a second copy of the
    /// webhook racing the first fails on the unique step, and its changes with it). Answers whether it is new.
    /// </summary>
    public async Task<bool> TakeAsync(Call call, CallStepKind kind, int turn, string? detail, CancellationToken cancellationToken)
    {
        if (await HasAsync(call, kind, turn, cancellationToken)
            || db.ChangeTracker.Entries<CallStep>().Any(e => e.Entity.ProviderCallId == call.ProviderCallId && e.Entity.Kind == kind && e.Entity.Turn == turn))
            return false;
        db.CallSteps.Add(CallStep.Of(call, kind, turn, detail, time.GetUtcNow()));
        return true;
    }

    public async Task<IReadOnlyList<CallStep>> StepsAsync(string callId, CancellationToken cancellationToken) =>
        await db.CallSteps.AsNoTracking().Where(s => s.ProviderCallId == callId).OrderBy(s => s.Id).ToListAsync(cancellationToken);
}
