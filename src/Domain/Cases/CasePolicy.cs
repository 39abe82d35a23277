namespace Moment.Domain.Cases;

/// <summary>
/// The configurable limits of the case rules (principle 2, 10): how long an offer waits for an answer, how many
/// bounces escalate a case to a named team lead, and how long after resolution a contact counts as a repeat.
/// </summary>
public sealed record CasePolicy
{
    public static CasePolicy Default { get; } = new();

    /// <summary>
    /// An unanswered hand-off offer goes back to the offerer, counted as declined, after this much of the receiver's
    /// team's open time: the clock stops at night, at weekends and on holidays.
    /// </summary>
    public TimeSpan OfferTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Accepted hand-offs that make a case escalate.</summary>
    public int EscalateAfterHandOffs { get; init; } = 2;

    /// <summary>Declined (or expired) offers that make a case escalate.</summary>
    public int EscalateAfterDeclines { get; init; } = 2;

    /// <summary>A contact about the same problem this soon after resolution reopens the case and counts as a repeat contact.</summary>
    public TimeSpan RepeatContactWindow { get; init; } = TimeSpan.FromDays(30);
}
