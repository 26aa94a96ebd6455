using System.Runtime.CompilerServices;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Security;

/// <summary>
/// A gateway that served rate-limited requests and stopped can be collected: ASP.NET Core's rate limiter keeps its
/// middleware alive for the process, and the link after it lets go of the rest of the application.
/// </summary>
[Collection(OwnHostsCollection.Name)]
public sealed class SeveredOnStopTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task StoppedGateway_AfterRateLimitedRequests_IsCollected()
    {
        var app = await ServeAndStopAsync();

        await Eventually.WaitAsync(
            () =>
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                return Task.FromResult(app.IsAlive);
            },
            static alive => !alive,
            Bound);
    }

    /// <summary>Starts a gateway, sends it a request of each rate-limited kind, stops it; a weak reference to it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> ServeAndStopAsync()
    {
        await using var host = await GatewayHost.StartAsync();
        await host.CreateSessionAsync();
        using var rooms = await host.Http.GetAsync("/api/rooms", TestContext.Current.CancellationToken);
        rooms.EnsureSuccessStatusCode();
        return new WeakReference(host.App);
    }
}
