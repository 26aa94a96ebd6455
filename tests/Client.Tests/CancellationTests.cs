using System.Net;
using System.Net.Sockets;
using OrleansGame.Arena.Wire;
using OrleansGame.Client.Tests.Infrastructure;

namespace OrleansGame.Client.Tests;

[Collection(GatewayCollection.Name)]
public sealed class CancellationTests(GatewayFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(GameProtocol.Json)]
    [InlineData(GameProtocol.MessagePack)]
    public async Task EveryAsyncCall_WithACancelledToken_IsCancelled(GameProtocol protocol)
    {
        await using var client = await fixture.Server.NewPlayerAsync(protocol);
        var room = await client.CreateAsync("arena", new CreateRoomOptions { IsPrivate = true }, Token);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var token = cancelled.Token;

        Func<Task>[] calls =
        [
            () => client.CreateSessionAsync("x", token),
            () => client.RefreshSessionAsync(token),
            () => client.ListModesAsync(token),
            () => client.ListRoomsAsync(null, token),
            () => client.GetLeaderboardAsync(10, token),
            () => client.GetPlayerAsync(client.Session!.PlayerId, token),
            () => client.ConnectAsync(token),
            () => client.JoinOrCreateAsync("arena", null, token),
            () => client.CreateAsync("arena", null, token),
            () => client.JoinAsync(room.Id, token),
            () => client.LeaveRoomAsync(token),
            () => room.SendAsync("Chat", new ChatRequest("hi"), token),
            () => room.LeaveAsync(token),
            () => client.DisconnectAsync(token),
        ];
        foreach (var call in calls)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(call);
        }

        Assert.True(room.IsActive);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Dispose_CancelsACallInFlight_AndEndsTheRoomWithoutCallbacks()
    {
        // A server that accepts connections and never answers: the connect hangs until the client is disposed.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var client = new GameClient(new GameClientOptions { BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/") });
        client.UseSession(await CreateSessionAsync());

        var connecting = client.ConnectAsync(Token);
        await client.DisposeAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connecting.WaitAsync(TimeSpan.FromSeconds(10), Token));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.ConnectAsync(Token));
    }

    [Fact]
    public async Task Dispose_StopsTheConnectionAndEveryHandler()
    {
        var client = await fixture.Server.NewPlayerAsync(GameProtocol.Json);
        var room = await client.CreateAsync("arena", new CreateRoomOptions { IsPrivate = true }, Token);
        var snapshots = new Inbox<Snapshot>();
        var leaves = new Inbox<LeaveCause>();
        room.OnState<Snapshot>(snapshots.Add);
        room.OnLeave(leaves.Add);
        await snapshots.NextAsync();

        await client.DisposeAsync();
        var counted = snapshots.Count;
        // Half a second is ten ticks of the arena: any handler still wired would have run.
        await Task.Delay(TimeSpan.FromMilliseconds(500), Token);

        Assert.False(room.IsActive);
        Assert.Equal(counted, snapshots.Count);
        Assert.Equal(0, leaves.Count);
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Disconnected, client.State);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.JoinOrCreateAsync(cancellationToken: Token));
    }

    private async Task<Grains.Abstractions.Wire.SessionResponse> CreateSessionAsync()
    {
        await using var issuer = fixture.Server.NewClient(GameProtocol.Json);
        return await issuer.CreateSessionAsync("Silent", Token);
    }
}
