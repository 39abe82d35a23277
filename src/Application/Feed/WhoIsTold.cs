using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Cases;

namespace Moment.Application.Feed;

/// <summary>
/// News of one kind on one case for these people (never the one who acted); <paramref name="EventId"/> and
/// <paramref name="At"/> are those of the latest timeline entry it tells of.
/// </summary>
public sealed record News(string CaseNumber, CaseEventKind Kind, IReadOnlyList<Guid> People, Guid CaseId, long EventId, DateTimeOffset At);

/// <summary>
/// The one place that decides who is told of what happens to a case, from the timeline entries themselves:
/// <list type="bullet">
/// <item>an offer: the person it is offered to, or every active member of the team it is offered to;</item>
/// <item>accepted: the offerer; declined: the owner; unanswered in time: the offerer;</item>
/// <item>escalated: the team lead it went to; reassigned: the new owner;</item>
/// <item>a promise made, kept, withdrawn, a manager asked for, consent given: the keeper and the case owner;</item>
/// <item>a promise broken: the keeper, the case owner, and the keeper's team lead (or, without one, its responsible manager);</item>
/// <item>cover starting: the stand-in; cover ending: the stand-in, who gives the work back;</item>
/// <item>the customer's answer to a proposed resolution, their own or recorded by staff: the owner;</item>
/// <item>a contact, a note, a reply or a link that someone else recorded on the case: the owner (every door opens every
/// case, and the owner must know what was said there);</item>
/// <item>an edit of the subject, type, priority or team by someone else (the team lead): the owner, whose case it stays;</item>
/// <item>a colleague mentioned in an internal note: that colleague (the owner hears of the note itself).</item>
/// </list>
/// Nobody is told of their own act. Several entries of one kind on one case in a batch (a stand-in taking over a case with
/// its promises) are one piece of news.
/// </summary>
public sealed class WhoIsTold(AppDbContext db)
{
    public async Task<IReadOnlyList<News>> ForAsync(IReadOnlyList<FeedEvent> batch, CancellationToken cancellationToken)
    {
        var acceptedOffers = batch.Where(e => e.Kind == CaseEventKind.HandOffAccepted).Select(e => e.HandOffId).OfType<Guid>().ToList();
        var offerers = acceptedOffers.Count == 0
            ? []
            : await db.HandOffs.Where(h => acceptedOffers.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.OfferedById, cancellationToken);
        var offeredTeams = batch.Where(e => e.Kind == CaseEventKind.HandOffOffered && e.SubjectUserId is null).Select(e => e.SubjectTeamId).OfType<Guid>().Distinct().ToList();
        var members = (offeredTeams.Count == 0
            ? []
            : await db.Users.Where(u => u.IsActive && u.TeamId != null && offeredTeams.Contains(u.TeamId.Value))
                .Select(u => new { TeamId = u.TeamId!.Value, u.Id }).ToListAsync(cancellationToken))
            .ToLookup(u => u.TeamId, u => u.Id);
        var brokenTeams = batch.Where(e => e.Kind == CaseEventKind.CommitmentBroken).Select(e => e.SubjectTeamId).OfType<Guid>().Distinct().ToList();
        var leads = brokenTeams.Count == 0
            ? []
            : await db.Teams.Where(t => brokenTeams.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.TeamLeadId ?? t.ResponsibleManagerId, cancellationToken);

        IEnumerable<Guid?> Concerned(FeedEvent e) => e.Kind switch
        {
            CaseEventKind.HandOffOffered => e.SubjectUserId is { } person ? [person] : [.. members[e.SubjectTeamId ?? Guid.Empty].Select(id => (Guid?)id)],
            CaseEventKind.HandOffAccepted => [e.HandOffId is { } offer && offerers.TryGetValue(offer, out var offerer) ? offerer : null],
            CaseEventKind.HandOffDeclined or CaseEventKind.HandOffExpired or CaseEventKind.Escalated or CaseEventKind.Reassigned
                or CaseEventKind.CoverStarted or CaseEventKind.CoverEnded or CaseEventKind.Mentioned => [e.SubjectUserId],
            CaseEventKind.CommitmentMade or CaseEventKind.CommitmentKept or CaseEventKind.CommitmentKeptLate or CaseEventKind.CommitmentWithdrawn
                or CaseEventKind.ManagerRequested or CaseEventKind.ConsentGiven => [e.SubjectUserId, e.CaseOwnerId],
            CaseEventKind.CommitmentBroken =>
                [e.SubjectUserId, e.CaseOwnerId, e.SubjectTeamId is { } team && leads.TryGetValue(team, out var lead) ? lead : null],
            CaseEventKind.ResolutionConfirmed or CaseEventKind.ResolutionObjected
                or CaseEventKind.CustomerConfirmationRecorded or CaseEventKind.CustomerObjectionRecorded
                or CaseEventKind.Contact or CaseEventKind.InternalNote or CaseEventKind.PublicReply or CaseEventKind.LinkedAsSameProblem
                or CaseEventKind.Edited or CaseEventKind.FileAttached => [e.CaseOwnerId],
            CaseEventKind.MandateUsed => [e.CaseOwnerId, e.SubjectUserId],
            _ => [],
        };

        var news = new List<News>();
        foreach (var group in batch.GroupBy(e => (e.CaseNumber, e.Kind)))
        {
            var people = group.SelectMany(e => Concerned(e).OfType<Guid>().Where(id => id != e.ActorId)).Distinct().ToList();
            if (people.Count > 0)
            {
                var latest = group.Last();
                news.Add(new News(group.Key.CaseNumber, group.Key.Kind, people, latest.CaseId, latest.Id, latest.At));
            }
        }

        return news;
    }
}
