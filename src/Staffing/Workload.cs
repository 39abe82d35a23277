namespace Moment.Staffing;

/// <summary>
/// The work offered to one queue in one interval: how many contacts arrive and how long each takes to handle.
/// </summary>
/// <remarks>
/// <para>Arrival rate λ = contacts ÷ interval length, in contacts per second.</para>
/// <para>
/// Offered load A = λ · AHT, in Erlangs (a dimensionless number: the average number of agents that would be busy
/// if every contact were answered at once). A. K. Erlang (1917), "Solution of some problems in the theory of
/// probabilities of significance in automatic telephone exchanges"; in call-centre form e.g. Gans, Koole &amp;
/// Mandelbaum (2003), "Telephone call centers: tutorial, review, and research prospects", MSOM 5(2), §4.1.
/// </para>
/// </remarks>
public sealed record Workload
{
    /// <param name="contactsPerInterval">Forecast contacts arriving in the interval (may be fractional: it is a mean).</param>
    /// <param name="interval">The interval length, e.g. 30 minutes.</param>
    /// <param name="averageHandleTime">Average handle time (talk + hold + wrap-up) of one contact.</param>
    /// <exception cref="StaffingInputException">An input is negative, zero where it cannot be, or not a number.</exception>
    public Workload(double contactsPerInterval, TimeSpan interval, TimeSpan averageHandleTime)
    {
        Require.NotNegative(contactsPerInterval, "the number of contacts");
        Require.Positive(interval, "the interval");
        Require.Positive(averageHandleTime, "the average handle time");
        ContactsPerInterval = contactsPerInterval;
        Interval = interval;
        AverageHandleTime = averageHandleTime;
    }

    /// <summary>Forecast contacts arriving in <see cref="Interval"/>.</summary>
    public double ContactsPerInterval { get; }

    /// <summary>The interval the contacts arrive in.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Average handle time of one contact.</summary>
    public TimeSpan AverageHandleTime { get; }

    /// <summary>Average handle time in seconds.</summary>
    public double AverageHandleTimeSeconds => AverageHandleTime.TotalSeconds;

    /// <summary>λ, contacts per second.</summary>
    public double ArrivalRatePerSecond => ContactsPerInterval / Interval.TotalSeconds;

    /// <summary>A = λ · AHT, in Erlangs.</summary>
    public double OfferedLoadErlangs =>
        // Multiplying before dividing keeps whole-number loads whole (100 × 180 s / 1800 s is exactly 10),
        // which matters at the stability edge n = A.
        ContactsPerInterval * AverageHandleTime.TotalSeconds / Interval.TotalSeconds;
}
