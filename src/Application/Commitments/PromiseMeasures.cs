using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Cases;

namespace Moment.Application.Commitments;

/// <summary>
/// Promises that fell due in a period, by outcome. Due = kept + broken (kept late included) + still open past the
/// deadline (the sweep has not reached it yet: it is broken all the same). Withdrawn promises are counted apart and
/// are not in the rate: the customer was told.
/// </summary>
public sealed record PromiseTally(string Name, int Due, int Kept, int Broken, int KeptLate, int Withdrawn)
{
    /// <summary>Broken of due, 0 to 1; null when nothing fell due.</summary>
    public double? BrokenRate => Due == 0 ? null : (double)Broken / Due;
}

/// <summary>
/// How one responsible manager answers customers who asked for them (principle 8): requests that fell due in the
/// period, answered (kept, late or not), missed deadlines, and the time from request to answer.
/// </summary>
public sealed record ManagerResponse(Guid ManagerId, string Name, int Requests, int Answered, int MissedDeadlines, TimeSpan? MedianResponse, TimeSpan? LongestResponse);

public sealed record PromiseMeasuresResult(
    DateTimeOffset From,
    DateTimeOffset To,
    PromiseTally All,
    IReadOnlyList<PromiseTally> ByTeam,
    IReadOnlyList<PromiseTally> ByKeeper,
    IReadOnlyList<PromiseTally> ByKind,
    IReadOnlyList<ManagerResponse> Managers);

/// <summary>
/// Principle 6 and 11: broken promises counted and shown to leadership. Counts the promises decided in [from, to) up
/// to now: those whose deadline fell in it, and those kept in it before a later deadline; each on the team and keeper
/// it is counted on (a stand-in's, while covering).
/// </summary>
public sealed class PromiseMeasures(AppDbContext db, TimeProvider time)
{
    public async Task<PromiseMeasuresResult> HandleAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var start = from.ToUniversalTime();
        var end = Min(to.ToUniversalTime(), time.GetUtcNow());
        var due = await db.Commitments.AsNoTracking()
            .Where(c => (c.Deadline >= start && c.Deadline < end)
                || (c.State == CommitmentState.Kept && c.KeptAt >= start && c.KeptAt < end && c.Deadline >= end))
            .Select(c => new Due(c.Kind, c.KeeperId, c.TeamId, c.State, c.MadeAt, c.KeptAt, c.KeptLate))
            .ToListAsync(cancellationToken);
        var keeperIds = due.Select(d => d.KeeperId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => keeperIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);

        string Person(Guid id) => names.GetValueOrDefault(id, "(unknown)");
        string TeamOf(Due d) => d.TeamId is { } team ? teams.GetValueOrDefault(team, "(unknown)") : "(no team)";

        return new PromiseMeasuresResult(
            from, to,
            Tally("All", due),
            [.. due.GroupBy(TeamOf).Select(g => Tally(g.Key, g)).OrderBy(t => t.Name, StringComparer.Ordinal)],
            [.. due.GroupBy(d => Person(d.KeeperId)).Select(g => Tally(g.Key, g)).OrderBy(t => t.Name, StringComparer.Ordinal)],
            [.. due.GroupBy(d => d.Kind).OrderBy(g => g.Key).Select(g => Tally(g.Key.ToString(), g))],
            [.. due.Where(d => d.Kind == CommitmentKind.ManagerContact).GroupBy(d => d.KeeperId)
                .Select(g => Respond(g.Key, Person(g.Key), [.. g])).OrderBy(m => m.Name, StringComparer.Ordinal)]);
    }

    private static PromiseTally Tally(string name, IEnumerable<Due> promises)
    {
        int kept = 0, broken = 0, keptLate = 0, withdrawn = 0;
        foreach (var promise in promises)
        {
            switch (promise.State)
            {
                case CommitmentState.Kept:
                    kept++;
                    break;
                case CommitmentState.Broken or CommitmentState.Open:
                    broken++;
                    keptLate += promise.KeptLate ? 1 : 0;
                    break;
                case CommitmentState.Withdrawn:
                    withdrawn++;
                    break;
            }
        }

        return new PromiseTally(name, kept + broken, kept, broken, keptLate, withdrawn);
    }

    private static ManagerResponse Respond(Guid managerId, string name, IReadOnlyList<Due> requests)
    {
        var counted = requests.Where(r => r.State != CommitmentState.Withdrawn).ToList();
        var times = counted.Where(r => r.KeptAt is not null).Select(r => r.KeptAt!.Value - r.MadeAt).Order().ToList();
        return new ManagerResponse(
            managerId, name, counted.Count, times.Count,
            counted.Count(r => r.State is CommitmentState.Broken or CommitmentState.Open),
            times.Count == 0 ? null : times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2,
            times.Count == 0 ? null : times[^1]);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed record Due(CommitmentKind Kind, Guid KeeperId, Guid? TeamId, CommitmentState State, DateTimeOffset MadeAt, DateTimeOffset? KeptAt, bool KeptLate);
}
