using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Queues;

namespace Moment.Application.Queues;

public sealed record QueueView(
    Guid Id, Guid TeamId, string TeamName, string Name, string Skills, int OfferSeconds, RoutingRule Routing, double NormShare, int NormSeconds, bool BotFirst);

/// <summary>A queue's settings as an administrator gives them; the offer time defaults to 20 s, the norm to 80 % in 20 s.</summary>
public sealed record SaveQueueRequest(
    Guid? TeamId, string? Name, string? Skills, int? OfferSeconds, RoutingRule? Routing, double? NormShare, int? NormSeconds, bool? BotFirst);

/// <summary>Queues and their settings: everyone at work may see them; administrators (and managers) change them.</summary>
public sealed class QueueSettings(AppDbContext db)
{
    public async Task<IReadOnlyList<QueueView>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.Queues.AsNoTracking().Join(db.Teams, q => q.TeamId, t => t.Id, (q, t) => new { Queue = q, Team = t.Name })
            .ToListAsync(cancellationToken))
        .OrderBy(x => x.Team, StringComparer.CurrentCulture).ThenBy(x => x.Queue.Name, StringComparer.CurrentCulture)
        .Select(x => View(x.Queue, x.Team)).ToList();

    public async Task<QueueView> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(q => q.Id == id) ?? throw new NotFoundException("There is no such queue.");

    public async Task<QueueView> SaveAsync(Guid? id, SaveQueueRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.ManagesAll)
            throw new ForbiddenException("Only managers and administrators set up queues.");
        var teamId = request.TeamId ?? throw new DomainRuleException("Choose the team the queue belongs to.", "TeamId");
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("That team does not exist.", "TeamId");
        var skills = Skills.Parse(request.Skills);
        Queue queue;
        if (id is { } existing)
        {
            queue = await db.Queues.FirstOrDefaultAsync(q => q.Id == existing, cancellationToken) ?? throw new NotFoundException("There is no such queue.");
            if (queue.TeamId != teamId)
                throw new DomainRuleException("A queue stays with its team; make a new queue for another team.", "TeamId");
        }
        else
        {
            queue = Queue.Create(teamId, request.Name, skills);
            db.Queues.Add(queue);
        }

        queue.Change(
            request.Name, skills, TimeSpan.FromSeconds(request.OfferSeconds ?? (int)Queue.DefaultOfferTime.TotalSeconds), request.Routing ?? RoutingRule.LongestIdle,
            new ServiceLevelNorm(request.NormShare ?? ServiceLevelNorm.Default.Share, TimeSpan.FromSeconds(request.NormSeconds ?? (int)ServiceLevelNorm.Default.Within.TotalSeconds)),
            request.BotFirst ?? false);
        await db.SaveChangesAsync(cancellationToken);
        return View(queue, team);
    }

    private static QueueView View(Queue q, string team) => new(
        q.Id, q.TeamId, team, q.Name, q.Skills.ToString(), (int)q.OfferTime.TotalSeconds, q.Routing, q.NormShare, (int)q.NormWithin.TotalSeconds, q.BotFirst);
}
