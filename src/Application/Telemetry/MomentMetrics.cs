using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Moment.Application.Telemetry;

/// <summary>
/// Moment's own measures, on the meter <see cref="MeterName"/> beside ASP.NET Core's and EF Core's: what leadership and
/// operations want to see move (cases registered by door, the queue's offers and waits). A use case calls the method for
/// what happened after it is committed; the web app exports them (Prometheus at <c>/metrics</c>, OTLP when configured).
/// </summary>
/// <remarks>
/// Made through <see cref="IMeterFactory"/>, so that each host (and each test's app) counts on its own. The tags are few and
/// bounded (a door, an outcome, a queue's id): never a case number or a person, which would make a series per case.
/// </remarks>
public sealed class MomentMetrics
{
    public const string MeterName = "Moment";

    /// <summary>Traces of Moment's own work; the tag <see cref="CaseNumberTag"/> says which case a request worked on.</summary>
    public static readonly ActivitySource Traces = new(MeterName);

    /// <summary>The case a trace is about: a request's activity carries it, so a slow or failed request is found by case.</summary>
    public const string CaseNumberTag = "moment.case.number";

    private readonly Counter<long> _casesRegistered;
    private readonly Counter<long> _queueOffers;
    private readonly Histogram<double> _queueWaits;

    public MomentMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _casesRegistered = meter.CreateCounter<long>("moment.cases.registered", "{case}", "Cases registered, by the door the customer came through.");
        _queueOffers = meter.CreateCounter<long>("moment.queue.offers", "{offer}", "Waiting contacts offered to an agent, by queue and by the offer's outcome.");
        _queueWaits = meter.CreateHistogram<double>("moment.queue.wait", "s", "How long a contact waited in a queue until an agent took it (or it left), by queue and outcome.");
    }

    /// <summary>A case was registered (committed) through <paramref name="door"/>; the current trace is tagged with its number.</summary>
    public void CaseRegistered(string number, string door)
    {
        _casesRegistered.Add(1, new KeyValuePair<string, object?>("door", door));
        TagCase(number);
    }

    /// <summary>The queue offered a waiting contact to an agent; <paramref name="outcome"/> such as "offered", "accepted", "declined", "lapsed".</summary>
    public void QueueOffer(Guid queueId, string outcome) =>
        _queueOffers.Add(1, new KeyValuePair<string, object?>("queue", queueId.ToString()), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A contact's wait in a queue ended; <paramref name="outcome"/> such as "answered", "left", "callback".</summary>
    public void QueueWaited(Guid queueId, TimeSpan wait, string outcome) =>
        _queueWaits.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("queue", queueId.ToString()), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Marks the current trace (the request's, or a background round's) as work on the case <paramref name="number"/>.</summary>
    public static void TagCase(string number) => Activity.Current?.SetTag(CaseNumberTag, number);
}
