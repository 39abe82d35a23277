namespace Moment.Domain.Staffing;

/// <summary>One interval of a contact forecast: when it starts, how many contacts are expected in it, and their average handle time.</summary>
public sealed record ForecastInterval
{
    public ForecastInterval(TimeOnly start, double contacts, TimeSpan averageHandleTime)
    {
        if (!double.IsFinite(contacts) || contacts < 0)
            throw new DomainRuleException("The number of contacts in an interval must be zero or more.", "Forecast");
        if (averageHandleTime <= TimeSpan.Zero)
            throw new DomainRuleException("The average handle time must be longer than zero.", "Forecast");
        Start = start;
        Contacts = contacts;
        AverageHandleTime = averageHandleTime;
    }

    public TimeOnly Start { get; }

    /// <summary>Expected contacts arriving in the interval (a mean, so it may be fractional).</summary>
    public double Contacts { get; }

    /// <summary>Talk, hold and wrap-up time of one contact, on average.</summary>
    public TimeSpan AverageHandleTime { get; }
}
