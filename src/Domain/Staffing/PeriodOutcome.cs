namespace Moment.Domain.Staffing;

/// <summary>
/// What a plan gives in one interval (or the whole day), averaged over the simulated days. Contacts belong to the
/// interval they arrived in. Shares are fractions from 0 to 1, waits are in seconds, over every caller (answered or not).
/// </summary>
public sealed record PeriodOutcome(
    TimeOnly Start,
    double Offered,
    double Abandoned,
    double ServiceLevel,
    double AverageWaitSeconds,
    double P95WaitSeconds,
    double Occupancy)
{
    /// <summary>The share of callers who hung up before an answer.</summary>
    public double AbandonmentRate => Offered > 0 ? Abandoned / Offered : 0;
}
