namespace Moment.Staffing;

/// <summary>
/// What a staffing must achieve; every target given must hold, targets left out do not constrain.
/// </summary>
public sealed record StaffingTargets
{
    private readonly double? maxOccupancy;
    private readonly double? maxAbandonment;
    private readonly TimeSpan? maxAverageSpeedOfAnswer;

    /// <summary>"X % answered within t", or none.</summary>
    public ServiceLevelTarget? ServiceLevel { get; init; }

    /// <summary>The highest acceptable share of agents' time on contacts (0.85 for 85 %), or none.</summary>
    public double? MaxOccupancy
    {
        get => maxOccupancy;
        init
        {
            if (value is { } share)
                Require.Share(share, "the maximum occupancy");
            maxOccupancy = value;
        }
    }

    /// <summary>The highest acceptable share of contacts that hang up before an answer (Erlang A only), or none.</summary>
    public double? MaxAbandonment
    {
        get => maxAbandonment;
        init
        {
            if (value is { } share)
                Require.Share(share, "the maximum abandonment");
            maxAbandonment = value;
        }
    }

    /// <summary>The longest acceptable average speed of answer, or none.</summary>
    public TimeSpan? MaxAverageSpeedOfAnswer
    {
        get => maxAverageSpeedOfAnswer;
        init
        {
            if (value is { } time)
                Require.Positive(time, "the maximum average speed of answer");
            maxAverageSpeedOfAnswer = value;
        }
    }

    /// <summary>The answer-time threshold the reported service level uses: the target's, or zero without one.</summary>
    internal TimeSpan AnswerWithin => ServiceLevel?.AnswerWithin ?? TimeSpan.Zero;

    /// <summary>Whether <paramref name="metrics"/> meets every target given (a web page can mark a plan that falls short).</summary>
    public bool AreMetBy(QueueMetrics metrics) =>
        metrics is not null
        && (ServiceLevel is null || metrics.ServiceLevel >= ServiceLevel.Fraction)
        && (MaxOccupancy is null || metrics.Occupancy <= MaxOccupancy)
        && (MaxAbandonment is null || metrics.AbandonmentProbability <= MaxAbandonment)
        && (MaxAverageSpeedOfAnswer is null || metrics.AverageSpeedOfAnswerSeconds <= MaxAverageSpeedOfAnswer.Value.TotalSeconds);
}
