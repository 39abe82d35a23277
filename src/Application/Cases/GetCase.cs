using Microsoft.EntityFrameworkCore;
using Moment.Application.Commitments;
using Moment.Application.Data;
using Moment.Domain.Cases;

namespace Moment.Application.Cases;

/// <summary>A case with its full timeline and the names behind every id.</summary>
public sealed class GetCase(AppDbContext db, CommitmentViews promiseViews)
{
    public async Task<CaseDetails> HandleAsync(string number, CancellationToken cancellationToken = default)
    {
        var normalized = CaseNumbers.Normalize(number);
        var @case = await db.Cases.AsNoTracking().AsSplitQuery()
            .Include(c => c.HandOffs).Include(c => c.Timeline).ThenInclude(e => e.Changes).Include(c => c.Commitments)
            .FirstOrDefaultAsync(c => c.Number == normalized, cancellationToken)
            ?? throw new NotFoundException("There is no case {0}.", number);
        return await DescribeAsync(@case, cancellationToken);
    }

    private async Task<CaseDetails> DescribeAsync(Case @case, CancellationToken cancellationToken)
    {
        var userIds = @case.Timeline.SelectMany(e => new[] { e.ActorId, e.SubjectUserId })
            .Concat(@case.HandOffs.SelectMany(h => new[] { (Guid?)h.OfferedById, h.ToUserId }))
            .Append(@case.OwnerId)
            .OfType<Guid>().Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new PersonRef(u.Id, u.DisplayName, u.Email ?? ""), cancellationToken);
        var changes = @case.Timeline.SelectMany(e => e.Changes).ToList();
        var teamIds = @case.Timeline.Select(e => e.SubjectTeamId).Concat(@case.HandOffs.Select(h => h.ToTeamId)).Append(@case.TeamId)
            .Concat(IdsIn(changes, CaseField.Team)).OfType<Guid>().Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => new TeamRef(t.Id, t.Name), cancellationToken);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == @case.CustomerId).Select(c => c.Name).FirstAsync(cancellationToken);
        var typeIds = IdsIn(changes, CaseField.CaseType).OfType<Guid>().Append(@case.CaseTypeId).Distinct().ToList();
        var types = await db.CaseTypes.AsNoTracking().Where(t => typeIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var caseType = types[@case.CaseTypeId];
        var otherCaseIds = @case.Timeline.Select(e => e.OtherCaseId).Append(@case.SameProblemAsCaseId).OfType<Guid>().Distinct().ToList();
        var otherCases = await db.Cases.AsNoTracking().Where(c => otherCaseIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
        var laterCases = await db.Cases.AsNoTracking().Where(c => c.SameProblemAsCaseId == @case.Id)
            .OrderBy(c => c.CreatedAt).Select(c => c.Number).ToListAsync(cancellationToken);

        var messageIds = @case.Timeline.Select(e => e.MessageId).OfType<long>().ToList();
        var deliveries = messageIds.Count == 0
            ? []
            : await db.ConversationMessages.AsNoTracking().Where(m => messageIds.Contains(m.Id))
                .ToDictionaryAsync(m => m.Id, m => (m.Delivery, m.Failure), cancellationToken);

        var files = await CaseFiles.OfAsync(db, [.. @case.Timeline.Select(e => e.FileId).OfType<Guid>()], cancellationToken);

        PersonRef Person(Guid id) => people.TryGetValue(id, out var p) ? p : new PersonRef(id, "(unknown)", "");
        string? About(CaseEvent e) =>
            e.SubjectUserId is { } user ? Person(user).Name
            : e.SubjectTeamId is { } team && teams.TryGetValue(team, out var t) ? t.Name
            : e.OtherCaseId is { } other && otherCases.TryGetValue(other, out var n) ? n
            : null;
        string? Named(CaseField field, string? value) => value is null || field is CaseField.Subject or CaseField.Priority ? value
            : !Guid.TryParse(value, out var id) ? value
            : field == CaseField.Team ? (teams.TryGetValue(id, out var team) ? team.Name : "(unknown)")
            : types.GetValueOrDefault(id, "(unknown)");
        IReadOnlyList<ChangeView>? Changes(CaseEvent e) =>
            e.Changes.Count == 0 ? null : [.. e.Changes.OrderBy(c => c.Id).Select(c => new ChangeView(c.Field, Named(c.Field, c.From), Named(c.Field, c.To)))];
        var promises = await promiseViews.DescribeAsync([.. @case.Commitments.OrderBy(c => c.Deadline)], cancellationToken);
        HandOffView View(HandOff h)
        {
            var coming = @case.PromisesComingWith(h).Select(c => c.Id).ToHashSet();
            var offered = promises.Where(p => coming.Contains(p.Id) || (p.State == CommitmentState.Open && h.OffererKeeps.Contains(p.Id)))
                .Select(p => new OfferedPromise(p.Id, p.Kind, p.What, p.Deadline, !coming.Contains(p.Id)));
            return new(
                h.Id, Person(h.OfferedById), h.ToUserId is { } to ? Person(to) : null,
                h.ToTeamId is { } team && teams.TryGetValue(team, out var t) ? t : null,
                h.Summary, h.Reason, h.State, h.OfferedAt, h.ExpiresAt, h.DeclineReason, [.. offered]);
        }

        return new CaseDetails(
            @case.Id, @case.Number, @case.Status, @case.Subject, @case.Description, @case.Priority, caseType, @case.CaseTypeId, @case.FirstDoor,
            Person(@case.OwnerId),
            @case.TeamId is { } teamId && teams.TryGetValue(teamId, out var caseTeam) ? caseTeam : null,
            @case.CustomerId, customer,
            new CaseCounts(@case.HandOffCount, @case.DeclineCount, @case.EscalationCount, @case.ReopenCount, @case.RepeatContactCount),
            @case.CustomerToken, @case.Version, @case.CreatedAt, @case.UpdatedAt, @case.FirstResponseAt, @case.ResolvedAt,
            @case.ProposedResolution, @case.ObjectionDeadline,
            @case.SameProblemAsCaseId is { } same && otherCases.TryGetValue(same, out var sameNumber) ? sameNumber : null,
            laterCases,
            @case.PendingHandOff is { } pending ? View(pending) : null,
            [.. @case.Timeline.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new TimelineEntry(
                e.Kind, e.At, e.ActorId is { } actor ? Person(actor).Name : null, e.Text, e.IsPublic, e.Door, e.Direction, About(e), e.Reason, e.Count,
                e.MessageId is { } sent && deliveries.TryGetValue(sent, out var delivery) ? delivery.Delivery : null,
                e.MessageId is { } failed && deliveries.TryGetValue(failed, out var failure) ? failure.Failure : null,
                Changes(e), e.FileId is { } file ? files.GetValueOrDefault(file) : null))],
            promises);
    }

    /// <summary>The ids an edit's changes of this field name (a case type's, a team's), stored as text with the change.</summary>
    private static IEnumerable<Guid?> IdsIn(IEnumerable<CaseChange> changes, CaseField field) =>
        changes.Where(c => c.Field == field).SelectMany(c => new[] { c.From, c.To })
            .Select(value => Guid.TryParse(value, out var id) ? id : (Guid?)null);
}
