using System.Collections.Concurrent;
using System.Globalization;

namespace Moment.Bench.Phone;

/// <summary>Every webhook's time and whether its answer was right, and the agents' API requests beside them.</summary>
internal sealed class Recorder
{
    private readonly ConcurrentQueue<(string Kind, double Ms, DateTime At)> _webhooks = new();
    private readonly ConcurrentQueue<(string Kind, double Ms)> _api = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _apiErrors = new();

    public void Add(string kind, double ms, string? error)
    {
        // When it was sent, so that a slow answer can be laid beside the app's and the database's logs.
        _webhooks.Enqueue((kind, ms, DateTime.UtcNow.AddMilliseconds(-ms)));
        if (error is not null)
            _errors.Enqueue(error);
    }

    public void AddApi(string kind, double ms, string? error = null)
    {
        if (ms > 0)
            _api.Enqueue((kind, ms));
        if (error is not null)
            _apiErrors.Enqueue(error);
    }

    public IReadOnlyList<(string Kind, double Ms)> Webhooks => [.. _webhooks.Select(w => (w.Kind, w.Ms))];

    /// <summary>The slowest webhooks, with the time each was sent (UTC).</summary>
    public IEnumerable<(string Kind, double Ms, DateTime At)> Slowest(int count) => _webhooks.OrderByDescending(w => w.Ms).Take(count);

    public IReadOnlyList<(string Kind, double Ms)> Api => [.. _api];

    public IReadOnlyList<string> Errors => [.. _errors];

    public IReadOnlyList<string> ApiErrors => [.. _apiErrors];
}

/// <summary>Percentiles of a set of times (nearest rank).</summary>
internal sealed record Spread(int Count, double P50, double P95, double P99, double Max)
{
    public static Spread Of(IEnumerable<double> times)
    {
        var sorted = times.Order().ToList();
        double At(double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        return new Spread(sorted.Count, At(0.50), At(0.95), At(0.99), sorted.Count == 0 ? double.NaN : sorted[^1]);
    }

    public string Cells() => string.Create(CultureInfo.InvariantCulture, $"{Count:N0} | {P50:0.0} ms | {P95:0.0} ms | {P99:0.0} ms | {Max:0.0} ms");
}

/// <summary>One round of calls: what was timed, what went wrong, what the database holds after, and the machine's state.</summary>
internal sealed class RoundResult(string scenario, int round, int calls)
{
    public const string Header =
        "| scenario | round | calls | webhooks | errors (webhooks + checks) | agents' API errors | p50 | p95 | p99 | max | app CPU (first part: per webhook) | app RSS (peak) | contacts / callbacks kept / promises / duplicates | answered live / called back | load average start → end |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public string Scenario => scenario;

    public int Round => round;

    public required Recorder Recorder { get; init; }

    public string LoadBefore { get; set; } = "";

    public string LoadAfter { get; set; } = "";

    public double Seconds { get; set; }

    public double FirstPartSeconds { get; set; }

    public double AppCpu { get; set; }

    /// <summary>The app's CPU in the first part (webhooks only: the agents are idle), and the webhooks answered in it.</summary>
    public double AppCpuFirstPart { get; set; }

    public int WebhooksFirstPart { get; set; }

    public double DriverCpu { get; set; }

    public long Rss { get; set; }

    public long RssPeak { get; set; }

    public RoundCount? AfterFirstPart { get; set; }

    public RoundCount? AtEnd { get; set; }

    public int RangesHeard { get; set; }

    /// <summary>How the calls reached a person: by Moment's REST redirect, by a round's dial, called back.</summary>
    public string PutThrough { get; set; } = "";

    public List<string> Problems { get; } = [];

    public int Errors => Recorder.Errors.Count + Problems.Count;

    public Spread All => Spread.Of(Recorder.Webhooks.Select(w => w.Ms));

    /// <summary>Duplicate contacts or calls: more rows than callers, or two rows for one caller.</summary>
    public int Duplicates => AtEnd is { } end
        ? Math.Max(0, end.Contacts - end.DistinctCallers) + Math.Max(0, end.InboundCalls - calls) + Math.Max(0, end.InboundCalls - end.CallsWithContact)
        : -1;

    public string Row()
    {
        var end = AtEnd;
        var kept = AfterFirstPart;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {round} | {calls} | {All.Count:N0} | {Errors} | {Recorder.ApiErrors.Count} | {All.P50:0.0} ms | {All.P95:0.0} ms | **{All.P99:0.0} ms** | {All.Max:0.0} ms | {AppCpu:0.0} s ({1000 * AppCpuFirstPart / Math.Max(1, WebhooksFirstPart):0.0} ms) | {Mib(Rss)} ({Mib(RssPeak)}) | "
            + $"{end?.Contacts} / {kept?.CallbacksKept} / {kept?.Promises} / {Duplicates} | {end?.Answered - end?.OutboundCalls} / {end?.OutboundCalls} | {LoadBefore} → {LoadAfter} |");
    }

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"  {scenario} round {round}: {calls} calls in {Seconds:0.0} s (greeting to callback or staying on: {FirstPartSeconds:0.0} s); {All.Count} webhooks, "
        + $"p50 {All.P50:0.0} ms, p95 {All.P95:0.0} ms, p99 {All.P99:0.0} ms, max {All.Max:0.0} ms; errors {Errors}; ranges heard by {RangesHeard} callers; put through: {PutThrough}; "
        + $"CPU app {AppCpu:0.0} s (first part {AppCpuFirstPart:0.0} s for {WebhooksFirstPart} webhooks: {1000 * AppCpuFirstPart / Math.Max(1, WebhooksFirstPart):0.0} ms each), driver {DriverCpu:0.0} s; app RSS {Mib(Rss)} (peak {Mib(RssPeak)}); load {LoadBefore} → {LoadAfter}\n"
        + $"    after the first part: {AfterFirstPart}\n    at the end: {AtEnd}");

    public static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0} MiB");
}
