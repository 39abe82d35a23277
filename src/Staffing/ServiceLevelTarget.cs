namespace Moment.Staffing;

/// <summary>
/// A service-level target "X % of contacts answered within t", the contact-centre convention (e.g. 80/20:
/// 80 % within 20 seconds). Abandoned contacts count as not answered.
/// </summary>
public sealed record ServiceLevelTarget
{
    /// <param name="fraction">The share to answer in time, above 0 and below 1 (0.8 for 80 %).</param>
    /// <param name="answerWithin">The answer-time threshold t; zero means "answered without waiting".</param>
    /// <exception cref="StaffingInputException">The share is not strictly between 0 and 1, or the time is negative.</exception>
    public ServiceLevelTarget(double fraction, TimeSpan answerWithin)
    {
        // 100 % is refused rather than searched for: with random arrivals some contact always waits.
        if (!double.IsFinite(fraction) || fraction <= 0 || fraction >= 1)
            throw Require.Fail($"a service level target must be above 0 % and below 100 % (got {fraction * 100:0.###} %)");
        Require.NotNegative(answerWithin, "the answer-time target");
        Fraction = fraction;
        AnswerWithin = answerWithin;
    }

    /// <summary>The share of contacts to answer within <see cref="AnswerWithin"/>, between 0 and 1.</summary>
    public double Fraction { get; }

    /// <summary>The answer-time threshold t.</summary>
    public TimeSpan AnswerWithin { get; }

    /// <summary>The target from a percentage, as written "80/20s" on the command line.</summary>
    public static ServiceLevelTarget FromPercent(double percent, TimeSpan answerWithin) => new(percent / 100, answerWithin);
}
