using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using OrleansGame.Gateway.Hosting;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Gateway.Operations;
using OrleansGame.Grains.Observability;

namespace OrleansGame.Gateway.Observability;

/// <summary>
/// Registers and maps the gateway's observability: OpenTelemetry metrics with a Prometheus endpoint at
/// <see cref="MetricsPath"/>, tracing from hub messages through the grain calls, the game's metrics, and the Orleans
/// dashboard of a standalone gateway.
/// </summary>
internal static class ObservabilityExtensions
{
    /// <summary>Where Prometheus scrapes the metrics.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The OpenTelemetry service name of the gateway.</summary>
    public const string ServiceName = "orleansgame-gateway";

    /// <summary>The environment variable that, when set, turns the OTLP exporter on (metrics and traces).</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The meters of the runtime and of ASP.NET Core that the gateway exports next to its own.</summary>
    public static IReadOnlyList<string> PlatformMeters { get; } =
    [
        "System.Runtime",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
    ];

    /// <summary>The log category of SignalR's hub dispatcher, which logs failed hub invocations.</summary>
    public const string HubDispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    /// <summary>The activity sources of ASP.NET Core the gateway traces.</summary>
    public static IReadOnlyList<string> PlatformActivitySources { get; } = ["Microsoft.AspNetCore", "Microsoft.AspNetCore.SignalR.Server"];

    /// <summary>
    /// Adds the game's metrics and hub telemetry, OpenTelemetry (Prometheus; tracing, Orleans activity propagation and
    /// OTLP too when <see cref="OtlpEndpointVariable"/> is set), and the dashboard of a standalone gateway where it is
    /// enabled (by default in Development).
    /// </summary>
    public static WebApplicationBuilder AddGameObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<GameHubTelemetryFilter>();
        services.Configure<HubOptions>(hub => hub.AddFilter<GameHubTelemetryFilter>());
        // SignalR logs every exception a hub method throws as an error with its stack, a HubException too: each of the
        // contract's refusals (room_full, room_not_found, ...) would be one. The filter logs refusals at debug level
        // and other failures as errors, so SignalR's log of them is off (the category logs nothing else above debug
        // level but failed streams, and the hub streams nothing; a hub that cannot even be made, before the filters
        // run, goes unlogged too, but fails every call alike).
        builder.Logging.AddFilter(HubDispatcherCategory, LogLevel.None);
        services.AddSingleton<HubLifetimeManager<GameHub>>(provider => ActivatorUtilities.CreateInstance<MeteredHubLifetimeManager>(
            provider, ActivatorUtilities.CreateInstance<DefaultHubLifetimeManager<GameHub>>(provider)));

        var hosting = builder.Configuration.GetSection(OrleansHostingOptions.Section).Get<OrleansHostingOptions>() ?? new();
        var dashboard = builder.Configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new();
        // Traced only when exported: a listener that samples nothing still has every hub message and grain call make
        // its activities, and Orleans' propagation puts two filters on every grain call, a cost per message for spans
        // nobody records.
        var traced = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]);
        if (hosting.Mode == OrleansMode.Standalone)
        {
            // Adds to the silo the cluster feature configures; Orleans applies every UseOrleans delegate to one silo.
            builder.UseOrleans(silo =>
            {
                if (traced)
                {
                    silo.AddActivityPropagation();
                }

                if (dashboard.IsEnabledIn(builder.Environment))
                {
                    silo.AddDashboard();
                }
            });
        }
        else if (traced)
        {
            builder.UseOrleansClient(client => client.AddActivityPropagation());
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(GatewayTelemetry.Name, GrainTelemetry.MeterName, GrainTelemetry.OrleansMeterName)
                .AddMeter([.. PlatformMeters])
                .AddPrometheusExporter());
        services.ConfigureOpenTelemetryMeterProvider((provider, meters) => meters.AddView(OnlyThisHost(provider.GetRequiredService<IMeterFactory>())));
        if (traced)
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddSource(GatewayTelemetry.Name)
                    .AddSource([.. GrainTelemetry.OrleansActivitySources])
                    .AddSource([.. PlatformActivitySources])
                    .SetSampler(new ParentBasedSampler(new AlwaysOnSampler())))
                .UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// A view that drops instruments of meters another host in the same process made through its own
    /// <see cref="IMeterFactory"/>: OpenTelemetry matches meters by name only, so without it a process running several
    /// hosts (the tests do) would count every host's connections in each one's <c>/metrics</c>.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHost(IMeterFactory meterFactory) =>
        instrument => instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, meterFactory)
            ? null
            : MetricStreamConfiguration.Drop;

    /// <summary>
    /// Maps the Prometheus endpoint at <see cref="MetricsPath"/> and, when enabled in standalone mode, the dashboard, both on
    /// the operations port.
    /// </summary>
    public static WebApplication MapGameObservability(this WebApplication app)
    {
        var operations = app.MapOperations();
        operations.MapPrometheusScrapingEndpoint(MetricsPath);
        var dashboard = app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        var hosting = app.Configuration.GetSection(OrleansHostingOptions.Section).Get<OrleansHostingOptions>() ?? new();
        if (dashboard.IsEnabledIn(app.Environment) && hosting.Mode == OrleansMode.Standalone)
        {
            operations.MapOrleansDashboard(dashboard.Path);
        }

        return app;
    }
}
