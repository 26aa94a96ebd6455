using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OrleansGame.Grains.Abstractions;

namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>A fault injected on purpose: every room's <c>JoinAsync</c> is held back by a delay before the room sees it.</summary>
public sealed class SlowJoins(TimeSpan delay) : IIncomingGrainCallFilter
{
    /// <summary>Adds the filter to the co-hosted silo of a <see cref="GatewayHost"/>.</summary>
    public static Action<WebApplicationBuilder> By(TimeSpan delay) =>
        builder => builder.Services.AddSingleton<IIncomingGrainCallFilter>(new SlowJoins(delay));

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod.Name == nameof(IRoomGrain.JoinAsync))
        {
            await Task.Delay(delay);
        }

        await context.Invoke();
    }
}
