using Microsoft.AspNetCore.SignalR.Client;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary>Inputs of many connections reach their room batched by the gateway, every one of them, in each sender's order.</summary>
[Collection(GatewayCollection.Name)]
public sealed class BatchingTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Inputs_ManyFromSeveralConnectionsInOneRoom_AllArriveAndEachPlayersAckSeqReachesItsLast()
    {
        const int Last = 60;
        var protocols = new[] { WireProtocol.Json, WireProtocol.MessagePack, WireProtocol.Json, WireProtocol.MessagePack, WireProtocol.Json };
        var clients = new List<TestClient>();
        try
        {
            foreach (var protocol in protocols)
            {
                clients.Add(await fixture.Host.ConnectNewPlayerAsync(protocol));
            }

            var room = await clients[0].CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);
            foreach (var client in clients.Skip(1))
            {
                await client.JoinAsync(room.RoomId).WaitAsync(Bound, TestContext.Current.CancellationToken);
            }

            // Every client at once, five inputs at a time: 25 a second each, within the arena's Input limits (30 a
            // second, burst 10), so that deliveries to the room overlap and the gateway gathers what arrives meanwhile.
            await Task.WhenAll(clients.Select(async client =>
            {
                for (var seq = 1; seq <= Last; seq++)
                {
                    await client.SendInputAsync(seq, Math.Cos(seq), Math.Sin(seq));
                    if (seq % 5 == 0)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
                    }
                }
            }));

            var done = await clients[0].WaitForSnapshotAsync(
                s => clients.All(c => s.Players.Single(p => p.PlayerId == c.PlayerId).AckSeq == Last), Bound);

            Assert.Equal(clients.Count, done.Players.Count);
            foreach (var client in clients)
            {
                Assert.False(client.TryTakeError(out var error), $"{client.PlayerId} got {error}");
                Assert.Equal(HubConnectionState.Connected, client.Connection.State);
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }
}
