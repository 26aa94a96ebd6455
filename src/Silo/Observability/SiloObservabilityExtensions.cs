using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansGame.Grains.Observability;

namespace OrleansGame.Silo.Observability;

/// <summary>
/// The silo's observability: OpenTelemetry metrics (the grains' meter, Orleans', the runtime's and ASP.NET Core's)
/// with a Prometheus endpoint at <see cref="MetricsPath"/>, and grain-call tracing that continues the gateways' traces.
/// </summary>
internal static class SiloObservabilityExtensions
{
    /// <summary>Where Prometheus scrapes the metrics.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The OpenTelemetry service name of a silo.</summary>
    public const string ServiceName = "orleansgame-silo";

    /// <summary>The environment variable that, when set, turns the OTLP exporter on (metrics and traces).</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private static readonly string[] PlatformMeters = ["System.Runtime", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    /// <summary>
    /// Adds OpenTelemetry (Prometheus; tracing, Orleans activity propagation and OTLP too when
    /// <see cref="OtlpEndpointVariable"/> is set).
    /// </summary>
    public static WebApplicationBuilder AddSiloObservability(this WebApplicationBuilder builder)
    {
        var traced = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        if (traced)
        {
            // Orleans applies every UseOrleans delegate to the one silo the host runs.
            builder.UseOrleans(silo => silo.AddActivityPropagation());
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(GrainTelemetry.MeterName, GrainTelemetry.OrleansMeterName)
                .AddMeter(PlatformMeters)
                .AddPrometheusExporter());
        if (traced)
        {
            // Traced only when exported: a listener that samples nothing still has every grain call make its
            // activities, and the propagation puts two filters on every grain call.
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource([.. GrainTelemetry.OrleansActivitySources])
                    .SetSampler(new ParentBasedSampler(new AlwaysOnSampler())))
                .UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Maps the Prometheus endpoint at <see cref="MetricsPath"/>.</summary>
    public static WebApplication MapSiloObservability(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
