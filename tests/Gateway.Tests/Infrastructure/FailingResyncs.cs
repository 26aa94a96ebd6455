using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OrleansGame.Grains.Abstractions;

namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>
/// A fault injected on purpose: the first <c>failures</c> calls to a player grain's <c>ResyncAsync</c> are refused as
/// a silo that is shutting down refuses them, before the grain sees them.
/// </summary>
public sealed class FailingResyncs(int failures) : IIncomingGrainCallFilter
{
    private int _calls;

    /// <summary>How many calls to <c>ResyncAsync</c> arrived, refused or not.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Adds the filter to the co-hosted silo of a <see cref="GatewayHost"/>.</summary>
    public Action<WebApplicationBuilder> Install() => builder => builder.Services.AddSingleton<IIncomingGrainCallFilter>(this);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod.Name == nameof(IPlayerGrain.ResyncAsync) && Interlocked.Increment(ref _calls) <= failures)
        {
            throw new SiloUnavailableException("Silo 'S127.0.0.1:11111:1' is shutting down (injected by the test).");
        }

        return context.Invoke();
    }
}
