using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Domain.Cases;

namespace Moment.Application.Commitments;

/// <summary>
/// A promise as staff and the API see it: on which case, what, the named keeper, the deadline on the clock of the team
/// that counts it (Stockholm: +01:00 in winter), its state and how it ended.
/// </summary>
public sealed record CommitmentView(
    Guid Id,
    string CaseNumber,
    string Subject,
    string CustomerName,
    CommitmentKind Kind,
    string What,
    PersonRef Keeper,
    PersonRef? CoveringFor,
    string? MadeBy,
    Door? Channel,
    DateTimeOffset MadeAt,
    DateTimeOffset Deadline,
    CommitmentState State,
    DateTimeOffset? KeptAt,
    string? KeptBy,
    string? KeptHow,
    bool KeptLate,
    DateTimeOffset? BrokenAt,
    string? WithdrawnReason)
{
    /// <summary>Not kept yet although it should be: open, or broken and still waiting for the call.</summary>
    public bool IsUnkept => State == CommitmentState.Open || (State == CommitmentState.Broken && KeptAt is null);
}

/// <summary>Turns promises into views: one query for the names behind the ids, one for the cases.</summary>
public sealed class CommitmentViews(AppDbContext db, PromiseCalendars calendars)
{
    public async Task<IReadOnlyList<CommitmentView>> DescribeAsync(IReadOnlyCollection<Commitment> commitments, CancellationToken cancellationToken)
    {
        if (commitments.Count == 0)
            return [];
        var userIds = commitments.SelectMany(c => new[] { (Guid?)c.KeeperId, c.CoveringForId, c.MadeById, c.KeptById })
            .OfType<Guid>().Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new PersonRef(u.Id, u.DisplayName, u.Email ?? ""), cancellationToken);
        var caseIds = commitments.Select(c => c.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.Subject, c.TeamId, Customer = db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.Name).First() })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var zones = await calendars.TimeZonesAsync(cancellationToken);

        PersonRef Person(Guid id) => people.TryGetValue(id, out var p) ? p : new PersonRef(id, "(unknown)", "");
        TimeZoneInfo Zone(Commitment c) =>
            (c.TeamId ?? cases[c.CaseId].TeamId) is { } team && zones.TryGetValue(team, out var zone) ? zone : Domain.Calendar.BusinessCalendar.Swedish.TimeZone;

        return
        [
            .. commitments.Select(c => new CommitmentView(
                c.Id, cases[c.CaseId].Number, cases[c.CaseId].Subject, cases[c.CaseId].Customer, c.Kind, c.What, Person(c.KeeperId),
                c.CoveringForId is { } away ? Person(away) : null,
                c.MadeById is { } maker ? Person(maker).Name : null,
                c.Channel, c.MadeAt, PromiseDeadlines.OnClockOf(Zone(c), c.Deadline), c.State, c.KeptAt,
                c.KeptById is { } keptBy ? Person(keptBy).Name : null,
                c.KeptHow, c.KeptLate, c.BrokenAt, c.WithdrawnReason)),
        ];
    }

    public async Task<CommitmentView> DescribeAsync(Commitment commitment, CancellationToken cancellationToken) =>
        (await DescribeAsync([commitment], cancellationToken))[0];
}
