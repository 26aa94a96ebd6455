using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansGame.Silo.Hosting;

/// <summary>
/// Healthy while the silo runs. The HTTP listener starts after the silo has joined the cluster, so an answer at all
/// means the silo is up; once the host is stopping the check turns unhealthy, so load balancers stop counting on it.
/// </summary>
internal sealed class SiloHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("the silo is shutting down")
            : HealthCheckResult.Healthy("the silo is up"));
}
