namespace Moment.Domain.Staffing;

/// <summary>
/// A day's contact forecast: consecutive intervals of one length (15, 30 or 60 minutes), each with the contacts
/// expected and their average handle time. The day may not run past midnight.
/// </summary>
public sealed record StaffingForecast
{
    public const int MaxIntervals = 96;

    public static IReadOnlyList<TimeSpan> IntervalLengths { get; } =
        [TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60)];

    public StaffingForecast(TimeSpan intervalLength, IReadOnlyList<ForecastInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        if (!IntervalLengths.Contains(intervalLength))
            throw new DomainRuleException("Forecast intervals must be 15, 30 or 60 minutes long.", "Forecast");
        if (intervals.Count == 0)
            throw new DomainRuleException("The forecast needs at least one interval.", "Forecast");
        var first = intervals[0].Start.ToTimeSpan();
        if (first + intervalLength * intervals.Count > TimeSpan.FromDays(1))
            throw new DomainRuleException("The forecast must end by midnight.", "Forecast");
        for (var i = 1; i < intervals.Count; i++)
        {
            if (intervals[i].Start.ToTimeSpan() != first + intervalLength * i)
                throw new DomainRuleException("Forecast intervals must follow each other without gaps.", "Forecast");
        }

        IntervalLength = intervalLength;
        Intervals = [.. intervals];
    }

    public TimeSpan IntervalLength { get; }

    public IReadOnlyList<ForecastInterval> Intervals { get; }

    /// <summary>The contacts expected over the whole day.</summary>
    public double Contacts => Intervals.Sum(i => i.Contacts);

    /// <summary>The interval with the most work (contacts × handle time): the one a plain-language summary speaks of.</summary>
    public int BusiestInterval
    {
        get
        {
            var busiest = 0;
            for (var i = 1; i < Intervals.Count; i++)
            {
                if (Work(Intervals[i]) > Work(Intervals[busiest]))
                    busiest = i;
            }
            return busiest;
        }
    }

    private static double Work(ForecastInterval interval) => interval.Contacts * interval.AverageHandleTime.TotalSeconds;
}
