namespace Moment.Domain.Cases;

/// <summary>
/// Where a case stands. A case is only resolved when the customer says so, or when they have not objected within the
/// case type's window (principle 10). An objection or a repeat contact about the same problem reopens it (back to Open).
/// </summary>
public enum CaseStatus
{
    Open,
    ProposedSolved,
    Resolved,
    ResolvedBySilence,
}

public enum CasePriority
{
    Low,
    Normal,
    High,
    Urgent,
}
