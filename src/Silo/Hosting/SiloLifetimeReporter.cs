using Microsoft.Extensions.Options;

namespace OrleansGame.Silo.Hosting;

/// <summary>Logs where the silo is reachable once it has started, and that it is handing over when it stops.</summary>
internal sealed partial class SiloLifetimeReporter(
    IHostApplicationLifetime lifetime,
    IOptions<SiloHostOptions> host,
    IOptions<DashboardHostOptions> dashboard,
    IOptions<HostOptions> hostOptions,
    ILogger<SiloLifetimeReporter> logger) : IHostedService
{
    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var o = host.Value;
            LogStarted(logger, o.ClusterId, o.ServiceId, o.AdvertisedAddress, o.SiloPort, o.GatewayPort,
                dashboard.Value.Enabled ? dashboard.Value.Url! : "disabled");
        });
        lifetime.ApplicationStopping.Register(() => LogStopping(logger, hostOptions.Value.ShutdownTimeout));
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
