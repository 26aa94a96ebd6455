using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary>The renewal service keeps the current connection's subscription without disturbing it.</summary>
public sealed class RenewalTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Renewal_OfTheCurrentConnection_KeepsItOpenAndFed()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Gateway:ObserverRenewInterval"] = "00:00:00.1" });
        await using var client = await host.ConnectNewPlayerAsync(WireProtocol.Json);
        await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        // Fifteen renewal intervals or more.
        var start = Stopwatch.GetTimestamp();
        await client.WaitForSnapshotAsync(_ => Stopwatch.GetElapsedTime(start) > TimeSpan.FromSeconds(1.5), Bound);
        await client.SendInputAsync(1, 1, 0);
        await client.WaitForSnapshotAsync(s => s.Players.Single(p => p.PlayerId == client.PlayerId).AckSeq == 1, Bound);

        Assert.False(client.Closing.IsCompleted, "the current connection was told to close");
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
    }
}
