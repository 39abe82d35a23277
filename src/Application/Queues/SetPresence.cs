using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Queues;

namespace Moment.Application.Queues;

public sealed record PresenceView(Guid UserId, Presence State, DateTimeOffset Since, string Skills, int ChatCapacity, int CallCapacity, int Lapses);

/// <summary>
/// An agent's own presence switch. The first time, the agent is given Swedish and English as skills and the default
/// capacities (3 chats, 1 call); a team lead or administrator changes those (<see cref="EquipAgent"/>).
/// </summary>
public sealed class SetPresence(AppDbContext db, QueueSignal signal, TimeProvider time)
{
    public static readonly Skills FirstSkills = Skills.Of("sv", "en");

    public async Task<PresenceView> GetAsync(Actor actor, CancellationToken cancellationToken = default) =>
        View(await FindOrStartAsync(actor, cancellationToken));

    public async Task<PresenceView> HandleAsync(Actor actor, Presence? state, CancellationToken cancellationToken = default)
    {
        if (state is not { } wanted)
            throw new DomainRuleException("Choose available, busy, away or wrap-up.", "State");
        // The agent's own word wins: routing may have offered them something, or their chat ended, at the same moment.
        var view = await db.RetryAsync(async () =>
        {
            var presence = await FindOrStartAsync(actor, cancellationToken);
            presence.Set(wanted, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return View(presence);
        });
        signal.Poke();
        return view;
    }

    private async Task<AgentPresence> FindOrStartAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.ServesCustomers)
            throw new ForbiddenException("Only staff who serve customers take contacts from the queue.");
        return await FindOrStartAsync(db, actor.Id, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>The agent's presence, or a new one (away, Swedish and English, default capacities) added to be saved with the change.</summary>
    internal static async Task<AgentPresence> FindOrStartAsync(AppDbContext db, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var presence = await db.AgentPresences.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (presence is not null)
            return presence;
        presence = AgentPresence.For(userId, FirstSkills, now);
        db.AgentPresences.Add(presence);
        return presence;
    }

    internal static PresenceView View(AgentPresence p) => new(p.UserId, p.State, p.Since, p.Skills.ToString(), p.ChatCapacity, p.CallCapacity, p.Lapses);
}

/// <summary>What an agent can take: their skills and how many chats at once. Set by a lead of their team.</summary>
public sealed record EquipAgentRequest(string? Skills, int? ChatCapacity);

public sealed class EquipAgent(AppDbContext db, StaffCards staff, TimeProvider time)
{
    public async Task<PresenceView> HandleAsync(Guid userId, EquipAgentRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        var agent = await staff.FindAsync(userId, cancellationToken) ?? throw new NotFoundException("There is no such member of staff.");
        if (!actor.Leads(agent.TeamId))
            throw new ForbiddenException("Only a lead of the agent's team sets their skills and capacity.");
        var presence = await SetPresence.FindOrStartAsync(db, userId, time.GetUtcNow(), cancellationToken);
        presence.Equip(Skills.Parse(request.Skills), request.ChatCapacity ?? presence.ChatCapacity, presence.CallCapacity);
        await db.SaveChangesAsync(cancellationToken);
        return SetPresence.View(presence);
    }
}
