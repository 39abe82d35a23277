namespace Moment.Staffing.Simulation;

/// <summary>
/// A contact-centre day to simulate: a forecast and a staffing plan per interval, and how callers behave.
/// </summary>
public sealed record SimulationScenario
{
    /// <summary>The length of each interval, typically 15, 30 or 60 minutes.</summary>
    public required TimeSpan IntervalLength { get; init; }

    /// <summary>The forecast, one entry per interval from the start of the day.</summary>
    public required IReadOnlyList<IntervalForecast> Forecast { get; init; }

    /// <summary>The staffing plan: agents taking contacts in each interval, as many entries as <see cref="Forecast"/>.</summary>
    public required IReadOnlyList<int> AgentsPerInterval { get; init; }

    /// <summary>How handle times vary around each interval's AHT; exponential unless told otherwise.</summary>
    public HandleTimeDistribution HandleTimes { get; init; } = HandleTimeDistribution.Exponential;

    /// <summary>The mean of the callers' exponential patience, or null if nobody hangs up.</summary>
    public TimeSpan? AveragePatience { get; init; }

    /// <summary>A callback offer that keeps the caller's place, or null for none.</summary>
    public CallbackOffer? Callback { get; init; }

    /// <summary>The answer-time threshold t of the service level ("answered within t"); 20 seconds unless told otherwise.</summary>
    public TimeSpan AnswerWithin { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The seed; the same scenario and seed give the same day, to the last contact.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Total forecast contacts over the day.</summary>
    public double ExpectedContacts => Forecast.Sum(interval => interval.Contacts);

    internal void Validate()
    {
        Require.Positive(IntervalLength, "the interval length");
        ArgumentNullException.ThrowIfNull(Forecast);
        ArgumentNullException.ThrowIfNull(AgentsPerInterval);
        ArgumentNullException.ThrowIfNull(HandleTimes);
        if (Forecast.Count == 0)
            throw Require.Fail($"the forecast needs at least one interval");
        if (AgentsPerInterval.Count != Forecast.Count)
        {
            throw Require.Fail(
                $"the staffing plan has {AgentsPerInterval.Count} intervals but the forecast has {Forecast.Count}; give one number of agents per forecast interval");
        }
        foreach (var agents in AgentsPerInterval)
            Require.AtLeast(agents, 0, "the number of agents in an interval");
        if (Forecast.Any(interval => interval is null))
            throw Require.Fail($"the forecast has an empty interval");
        if (AveragePatience is { } patience)
            Require.Positive(patience, "the average patience");
        Require.NotNegative(AnswerWithin, "the answer-time target");
    }
}
