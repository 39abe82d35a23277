namespace Moment.Staffing.Simulation;

/// <summary>The forecast for one interval of the day: contacts arriving in it and their average handle time.</summary>
public sealed record IntervalForecast
{
    /// <param name="contacts">Expected contacts arriving in the interval (the mean of a Poisson count).</param>
    /// <param name="averageHandleTime">The mean handle time of contacts arriving in the interval.</param>
    /// <exception cref="StaffingInputException">The contacts are negative or the handle time not positive.</exception>
    public IntervalForecast(double contacts, TimeSpan averageHandleTime)
    {
        Require.NotNegative(contacts, "the number of contacts");
        Require.Positive(averageHandleTime, "the average handle time");
        Contacts = contacts;
        AverageHandleTime = averageHandleTime;
    }

    /// <summary>Expected contacts arriving in the interval.</summary>
    public double Contacts { get; }

    /// <summary>The mean handle time of those contacts.</summary>
    public TimeSpan AverageHandleTime { get; }
}
