using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Data;
using Moment.Domain.Cases;
using Moment.Domain.KnownIssues;

namespace Moment.Application.KnownIssues;

/// <summary>A known issue as staff read it, with how many cases it has caused so far.</summary>
public sealed record KnownIssueSummary(
    Guid Id,
    string Title,
    string Product,
    string Symptoms,
    string? Workaround,
    KnownIssueStatus Status,
    DateOnly? ExpectedFixOn,
    string? PublicWording,
    int LinkedCases,
    int Version,
    DateTimeOffset UpdatedAt)
{
    public bool IsActive => Status != KnownIssueStatus.Fixed;
}

/// <summary>A case linked to a known issue, and whether its customer has been told it is fixed.</summary>
public sealed record LinkedCase(string Number, string Subject, PersonRef Owner, Guid? TeamId, CaseStatus Status, DateTimeOffset LinkedAt,
    Guid? FixPromiseId, DateTimeOffset? ToldFixedAt);

public sealed record KnownIssueDetails(KnownIssueSummary Issue, PersonRef RegisteredBy, DateTimeOffset RegisteredAt, DateTimeOffset? FixedAt,
    IReadOnlyList<LinkedCase> Cases);

/// <summary>What the case page and the frontline page show of known issues: those the case is linked to, and active ones its text speaks of.</summary>
public sealed record KnownIssuesForCase(IReadOnlyList<KnownIssueSummary> Linked, IReadOnlyList<KnownIssueSummary> Matching);

/// <summary>Known issues to read: all, the active ones, those a text speaks of, one with its cases.</summary>
public sealed class KnownIssueViews(AppDbContext db)
{
    public async Task<IReadOnlyList<KnownIssueSummary>> ListAsync(bool activeOnly, CancellationToken cancellationToken = default)
    {
        var issues = db.KnownIssues.AsNoTracking();
        if (activeOnly)
            issues = issues.Where(i => i.Status != KnownIssueStatus.Fixed);
        var list = await Summaries(issues).ToListAsync(cancellationToken);
        return [.. list.OrderBy(i => i.Status == KnownIssueStatus.Fixed).ThenByDescending(i => i.UpdatedAt)];
    }

    /// <summary>The active issues a text (a case's subject and description, what the customer just said) speaks of, best first.</summary>
    public async Task<IReadOnlyList<KnownIssueSummary>> MatchingAsync(string? text, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var active = await ListAsync(activeOnly: true, cancellationToken);
        return KnownIssueMatching.Best(text, active, i => (i.Title, i.Product, i.Symptoms));
    }

    public async Task<KnownIssuesForCase> ForCaseAsync(string caseNumber, CancellationToken cancellationToken = default)
    {
        var number = CaseNumbers.Normalize(caseNumber);
        var @case = await db.Cases.AsNoTracking().Where(c => c.Number == number).Select(c => new { c.Id, c.Subject, c.Description }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("There is no case {0}.", caseNumber);
        var linkedIds = db.KnownIssueLinks.Where(l => l.CaseId == @case.Id).Select(l => l.KnownIssueId);
        var linked = await Summaries(db.KnownIssues.AsNoTracking().Where(i => linkedIds.Contains(i.Id))).ToListAsync(cancellationToken);
        var matching = await MatchingAsync($"{@case.Subject} {@case.Description}", cancellationToken);
        return new KnownIssuesForCase(linked, [.. matching.Where(m => linked.All(l => l.Id != m.Id))]);
    }

    public async Task<KnownIssueDetails> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var issue = await Summaries(db.KnownIssues.AsNoTracking().Where(i => i.Id == id)).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("There is no such known issue.");
        var facts = await db.KnownIssues.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.RegisteredAt, i.FixedAt, By = db.Users.Where(u => u.Id == i.RegisteredById).Select(u => new PersonRef(u.Id, u.DisplayName, u.Email ?? "")).First() })
            .FirstAsync(cancellationToken);
        var cases = await (
            from link in db.KnownIssueLinks.AsNoTracking()
            where link.KnownIssueId == id
            join c in db.Cases on link.CaseId equals c.Id
            join owner in db.Users on c.OwnerId equals owner.Id
            orderby link.LinkedAt
            select new LinkedCase(c.Number, c.Subject, new PersonRef(owner.Id, owner.DisplayName, owner.Email ?? ""), c.TeamId, c.Status, link.LinkedAt, link.FixPromiseId, link.ToldFixedAt))
            .ToListAsync(cancellationToken);
        return new KnownIssueDetails(issue, facts.By, facts.RegisteredAt, facts.FixedAt, cases);
    }

    private IQueryable<KnownIssueSummary> Summaries(IQueryable<KnownIssue> issues) =>
        issues.Select(i => new KnownIssueSummary(i.Id, i.Title, i.Product, i.Symptoms, i.Workaround, i.Status, i.ExpectedFixOn, i.PublicWording,
            db.KnownIssueLinks.Count(l => l.KnownIssueId == i.Id), i.Version, i.UpdatedAt));
}
