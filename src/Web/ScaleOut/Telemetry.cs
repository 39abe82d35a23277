using Moment.Application.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Moment.Web.ScaleOut;

/// <summary>
/// OpenTelemetry: metrics of ASP.NET Core (requests, SignalR and Blazor circuits), EF Core, Npgsql, the .NET runtime and
/// Moment's own (<see cref="MomentMetrics"/>), served to Prometheus at <c>/metrics</c> (<c>Telemetry:Prometheus</c>, on
/// by default). Traces (requests, EF Core's commands, Npgsql, Moment's own; a request about a case carries its number as
/// <see cref="MomentMetrics.CaseNumberTag"/>) are recorded only where they go somewhere: to an OTLP collector when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, or when <c>Telemetry:Tracing</c> is true (a test's exporter).
/// </summary>
internal static class Telemetry
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddMomentTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 };
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("moment", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter(MomentMetrics.MeterName, "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.AspNetCore.Components.Server.Circuits");
                if (PrometheusOn(configuration))
                    metrics.AddPrometheusExporter();
            });
        if (otlp || configuration.GetValue("Telemetry:Tracing", false))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options =>
                {
                    // Health probes and scrapes every few seconds would drown the traces that matter.
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments(MetricsPath);
                    options.EnrichWithHttpResponse = (activity, response) =>
                    {
                        if (response.HttpContext.GetRouteValue("number") is string number)
                            activity.SetTag(MomentMetrics.CaseNumberTag, number);
                    };
                })
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(MomentMetrics.MeterName, "Npgsql"));
        }

        if (otlp)
            telemetry.UseOtlpExporter();
        return services;
    }

    /// <summary>
    /// The scrape endpoint, answered to anyone who reaches it: counts and durations, no personal data. A proxy in front of
    /// Moment forwards neither <c>/metrics</c> nor <c>/health</c> from outside (docs/operations.md).
    /// </summary>
    public static IApplicationBuilder UseMomentTelemetry(this IApplicationBuilder app)
    {
        if (PrometheusOn(app.ApplicationServices.GetRequiredService<IConfiguration>()))
            app.UseOpenTelemetryPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    private static bool PrometheusOn(IConfiguration configuration) => configuration.GetValue("Telemetry:Prometheus", true);
}
