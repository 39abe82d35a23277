using Microsoft.EntityFrameworkCore;
using Moment.Application.Data;
using Moment.Domain.Cases;

namespace Moment.Application.Absences;

/// <summary>How much work moved to stand-ins for one person who was away (cases, offers and promises, one each).</summary>
public sealed record CoverMovesOfPerson(Guid PersonId, string Name, string? Team, int Moves);

public sealed record CoverMovesOfTeam(string? Team, int Moves);

public sealed record CoverMovesReport(int Moves, IReadOnlyList<CoverMovesOfPerson> People, IReadOnlyList<CoverMovesOfTeam> Teams);

/// <summary>
/// The cover-moves measure for the accountability report: how many items (cases, offers, promises) moved to a stand-in
/// in a period, per person away and per their team. Counted from the CoverStarted entries of case timelines.
/// </summary>
public sealed class CoverMoves(AppDbContext db)
{
    public async Task<CoverMovesReport> HandleAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var counts = await db.Set<CaseEvent>().AsNoTracking()
            .Where(e => e.Kind == CaseEventKind.CoverStarted && e.At >= from && e.At < to && e.CoveringForId != null)
            .GroupBy(e => e.CoveringForId!.Value)
            .Select(g => new { PersonId = g.Key, Moves = g.Count() })
            .ToListAsync(cancellationToken);
        var ids = counts.Select(c => c.PersonId).ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, Team = db.Teams.Where(t => t.Id == u.TeamId).Select(t => t.Name).FirstOrDefault() })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var perPerson = counts
            .Select(c => people.TryGetValue(c.PersonId, out var p)
                ? new CoverMovesOfPerson(c.PersonId, p.DisplayName, p.Team, c.Moves)
                : new CoverMovesOfPerson(c.PersonId, "(unknown)", null, c.Moves))
            .OrderByDescending(p => p.Moves).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var perTeam = perPerson.GroupBy(p => p.Team).Select(g => new CoverMovesOfTeam(g.Key, g.Sum(p => p.Moves)))
            .OrderByDescending(t => t.Moves).ToList();
        return new CoverMovesReport(perPerson.Sum(p => p.Moves), perPerson, perTeam);
    }
}
