using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Moment.Application.Data;
using Moment.Application.Telemetry;
using Moment.TestSupport;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Moment.Web.Tests.ScaleOut;

/// <summary>
/// What operations watch: Moment's own counters and ASP.NET Core's on the Prometheus endpoint, and a trace of every
/// request about a case that carries the case's number.
/// </summary>
public abstract class TelemetryTests(TracedApp app) : IAsyncLifetime
{
    private const string Sara = "sara.holm@moment.test";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.RequireProvider();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task CaseRegistered_IsCountedByDoorOnTheMetricsEndpoint()
    {
        using var sara = await app.ClientForAsync(Sara);
        await sara.NewCaseAsync("Router blinks red", door: "shop");

        var scraped = await app.CreateClient().GetStringAsync("/metrics", Ct);

        Assert.Matches("""moment_cases_registered_total\{[^}]*door="shop"[^}]*\} [1-9]""", scraped);
        Assert.Contains("http_server_request_duration_seconds", scraped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestsAboutACase_AreTracedWithItsNumber()
    {
        using var sara = await app.ClientForAsync(Sara);
        var number = await sara.NewCaseAsync("Invoice charged twice");
        using var read = await sara.GetAsync($"/api/cases/{number}", Ct);
        read.EnsureSuccessStatusCode();

        var registered = await app.Traces.FirstAsync(activity => activity.DisplayName == "POST /api/cases/" && Tagged(activity, number));
        var readTrace = await app.Traces.FirstAsync(activity => activity.DisplayName == "GET /api/cases/{number}" && Tagged(activity, number));

        Assert.Equal(ActivityKind.Server, registered.Kind);
        Assert.Equal(ActivityKind.Server, readTrace.Kind);
    }

    private static bool Tagged(Activity activity, string number) => activity.GetTagItem(MomentMetrics.CaseNumberTag) as string == number;
}

/// <summary>The app with tracing on and a listener of its own that keeps every finished request's trace.</summary>
public class TracedApp : MomentApp
{
    public TracedApp(DatabaseProvider provider)
        : base(provider) => Settings["Telemetry:Tracing"] = "true";

    public FinishedTraces Traces { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(Traces)));
    }
}

/// <summary>Traces as they end: a request's trace ends just after its answer has left, so a test waits for it rather than looking at once.</summary>
public sealed class FinishedTraces : BaseProcessor<Activity>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ConcurrentQueue<Activity> _finished = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public override void OnEnd(Activity data)
    {
        _finished.Enqueue(data);
        _arrived.Release();
    }

    public async Task<Activity> FirstAsync(Func<Activity, bool> predicate)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(Patience);
        while (true)
        {
            if (_finished.FirstOrDefault(predicate) is { } found)
                return found;
            try
            {
                await _arrived.WaitAsync(patience.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("No such trace; these ended: " + string.Join(", ", _finished.Select(a =>
                    $"{a.DisplayName} [{string.Join(" ", a.TagObjects.Select(t => $"{t.Key}={t.Value}"))}]")));
            }
        }
    }
}

public sealed class TracedSqliteApp() : TracedApp(DatabaseProvider.Sqlite);

public sealed class TracedPostgresApp() : TracedApp(DatabaseProvider.Postgres);

public sealed class TelemetryTestsOnSqlite(TracedSqliteApp app) : TelemetryTests(app), IClassFixture<TracedSqliteApp>;

public sealed class TelemetryTestsOnPostgres(TracedPostgresApp app) : TelemetryTests(app), IClassFixture<TracedPostgresApp>;
