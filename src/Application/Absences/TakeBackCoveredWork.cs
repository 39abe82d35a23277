using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Domain;
using Moment.Domain.Absences;

namespace Moment.Application.Absences;

/// <summary>The cases (by number) and promises (by id) I take back from my stand-in; <paramref name="All"/> takes back everything they still hold for me.</summary>
public sealed record TakeBackRequest(IReadOnlyList<string>? Cases, IReadOnlyList<Guid>? Commitments, bool All = false);

/// <summary>What moved back, and what had moved on meanwhile (handed off, kept) and stayed where it is.</summary>
public sealed record TakenBack(int Cases, int Commitments);

/// <summary>
/// Back from being away: I choose what moves back from my stand-in. Saying so also ends an absence that is still running
/// (otherwise the next round of <see cref="StartDueAbsences"/> would move it all to the stand-in again). All or nothing:
/// if someone changes one of the cases at the same moment, nothing moves and I try again.
/// </summary>
public sealed class TakeBackCoveredWork(CaseWork work)
{
    /// <summary>More than anyone covers in a long absence; a choice of more takes "all".</summary>
    public const int MaxChosen = 1000;

    public async Task<TakenBack> HandleAsync(Guid userId, TakeBackRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Cases is { Count: > MaxChosen })
            throw new DomainRuleException("Choose at most {0} cases, or take back all.", "Cases", MaxChosen);
        if (request.Commitments is { Count: > MaxChosen })
            throw new DomainRuleException("Choose at most {0} promises, or take back all.", "Commitments", MaxChosen);
        var db = work.Db;
        var caseNumbers = request.All
            ? await db.Cases.Where(c => c.CoveringForId == userId).Select(c => c.Number).ToListAsync(cancellationToken)
            : [.. (request.Cases ?? []).Select(CaseNumbers.Normalize)];
        var commitmentIds = request.All
            ? await db.Commitments.Where(k => k.CoveringForId == userId && k.State == Domain.Cases.CommitmentState.Open).Select(k => k.Id).ToListAsync(cancellationToken)
            : [.. request.Commitments ?? []];
        var commitmentCases = await db.Commitments.Where(k => commitmentIds.Contains(k.Id))
            .Join(db.Cases, k => k.CaseId, c => c.Id, (k, c) => c.Number).ToListAsync(cancellationToken);
        if (commitmentCases.Count < commitmentIds.Distinct().Count())
            throw new DomainRuleException("That promise does not exist.", "Commitments");

        var running = await CurrentAbsence.OfAsync(db, userId, cancellationToken);
        if (running?.State == AbsenceState.Started)
            running.End(work.Now);

        var takeBack = commitmentIds.ToHashSet();
        int cases = 0, commitments = 0;
        foreach (var number in caseNumbers.Union(commitmentCases))
        {
            var @case = await work.LoadAsync(number, null, cancellationToken);
            var ownedBefore = @case.CoveringForId == userId;
            var openBefore = @case.Commitments.Count(k => k.IsOpen && k.CoveringForId == userId && takeBack.Contains(k.Id));
            if (!@case.EndCover(userId, caseNumbers.Contains(@case.Number), takeBack, work.Now))
                continue;
            cases += ownedBefore && @case.CoveringForId is null && caseNumbers.Contains(@case.Number) ? 1 : 0;
            commitments += openBefore;
        }

        await work.SaveAsync(cancellationToken);
        return new TakenBack(cases, commitments);
    }
}
