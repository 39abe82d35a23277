namespace Moment.Domain.KnownIssues;

/// <summary>
/// A case caused by a known issue, linked with one tap by whoever meets the customer. Every inbound contact on a linked
/// case is failure demand of that issue. A case is linked to an issue once.
/// </summary>
public sealed class KnownIssueLink
{
    private KnownIssueLink()
    {
    }

    public Guid Id { get; private set; }

    public Guid KnownIssueId { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid LinkedById { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }

    /// <summary>The promise "we will tell you when it is fixed" made on the case when the issue was fixed; null before.</summary>
    public Guid? FixPromiseId { get; private set; }

    /// <summary>When the customer was told it is fixed.</summary>
    public DateTimeOffset? ToldFixedAt { get; private set; }

    public static KnownIssueLink Link(KnownIssue issue, Guid caseId, Guid linkedById, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return new KnownIssueLink { Id = Guid.CreateVersion7(), KnownIssueId = issue.Id, CaseId = caseId, LinkedById = linkedById, LinkedAt = now };
    }

    public void Promised(Guid commitmentId) => FixPromiseId = commitmentId;

    public void ToldFixed(DateTimeOffset now)
    {
        if (ToldFixedAt is not null)
            throw new ConflictException("The customer has already been told that it is fixed.");
        ToldFixedAt = now;
    }
}
