using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
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
        foreach (var caller in await CallsOnDesk.CallersAsync(db, e164, cancellationToken))
        {
            foreach (var open in caller.OpenCases)
            {
                var owner = await db.Cases.Where(c => c.Number == open.Number)
                    .Join(db.Users, c => c.OwnerId, u => u.Id, (c, u) => new { u.Id, u.Extension, u.IsActive, u.DisplayName })
                    .FirstAsync(cancellationToken);
                if (owner.Extension is null || !owner.IsActive)
                    continue;
                // No presence on record: the owner does not work the queue, and their phone rings as it always has.
                var presence = await db.AgentPresences.Where(p => p.UserId == owner.Id).Select(p => (Presence?)p.State).FirstOrDefaultAsync(cancellationToken);
                if (presence == Presence.Away)
                    continue;
                return new PbxRoute(ToExtension, owner.Extension, open.Number, owner.DisplayName, caller.Name);
            }
        }

        return new PbxRoute(ToQueue, null, null, null, null);
    }
}
