using Microsoft.EntityFrameworkCore;
using Moment.Application.Customers;
using Moment.Application.Data;
using Moment.Domain.Cases;
using Moment.Domain.Queues;

namespace Moment.Application.Phone;

/// <summary>
/// Where the PBX should send a call: <c>extension</c>, the extension of the person who owns the caller's open case
/// (one owner, PRODUCT.md: the caller does not start again with a stranger), or <c>queue</c> (the PBX's own queue or
/// Moment's phone line) when the caller has no open case, or its owner has no extension, has left, or is away.
/// </summary>
public sealed record PbxRoute(string Action, string? Extension, string? CaseNumber, string? OwnerName, string? CustomerName);

public sealed class RoutePbxCall(AppDbContext db)
{
    public const string ToExtension = "extension";

    public const string ToQueue = "queue";

    public async Task<PbxRoute> HandleAsync(string? from, CancellationToken cancellationToken = default)
    {
        if (Customers.PhoneNumbers.TryNormalize(from) is not { } e164)
            return new PbxRoute(ToQueue, null, null, null, null);
        // One query: the caller's open cases (their customers by name, each one's latest case first) whose owner has an
        // extension, is active and is not away. No presence on record counts as present: the owner does not work the
        // queue, and their phone rings as it always has.
        var owner = await db.Cases.AsNoTracking()
            .Where(c => c.Status != CaseStatus.Resolved && c.Status != CaseStatus.ResolvedBySilence)
            .Join(db.Customers.WithPhoneNumber(e164), c => c.CustomerId, k => k.Id, (c, k) => new { c.Number, c.UpdatedAt, c.OwnerId, Customer = k.Name })
            .Join(db.Users, x => x.OwnerId, u => u.Id, (x, u) => new { x.Number, x.UpdatedAt, x.Customer, u.Id, u.Extension, u.IsActive, u.DisplayName })
            .Where(x => x.Extension != null && x.IsActive && !db.AgentPresences.Any(p => p.UserId == x.Id && p.State == Presence.Away))
            .OrderBy(x => x.Customer).ThenByDescending(x => x.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (owner is not null)
            return new PbxRoute(ToExtension, owner.Extension, owner.Number, owner.DisplayName, owner.Customer);

        return new PbxRoute(ToQueue, null, null, null, null);
    }
}
