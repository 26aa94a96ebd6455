using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrleansGame.Grains.Observability;

/// <summary>Registers <see cref="GrainMetrics"/>.</summary>
internal static class GrainMetricsExtensions
{
    /// <summary>Adds the meter factory (if the host has none) and the grains' instruments.</summary>
    public static IServiceCollection AddGrainMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<GrainMetrics>();
        return services;
    }
}
