using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansGame.Gateway.Tests.Infrastructure;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Tests;

/// <summary><c>JoinRoom</c> and <c>CreateRoom</c> with a mode and properties.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RoomRequestTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private GatewayHost Host => fixture.Host;

    public static TheoryData<WireProtocol, string?, Dictionary<string, string>?> Misshapen() => new()
    {
        { WireProtocol.Json, "bad mode!", null },
        { WireProtocol.MessagePack, new string('m', 33), null },
        { WireProtocol.Json, "arena", Enumerable.Range(0, 9).ToDictionary(i => $"p{i}", i => "v") },
        { WireProtocol.MessagePack, null, new() { ["bad name"] = "v" } },
        { WireProtocol.Json, null, new() { ["map"] = new string('v', 65) } },
    };

    [Theory]
    [MemberData(nameof(Misshapen))]
    public async Task JoinAndCreate_MisshapenModeOrProperties_FailWithInvalidArgument(
        WireProtocol protocol, string? mode, Dictionary<string, string>? properties)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);

        var join = await Assert.ThrowsAsync<HubException>(() => client.Connection
            .InvokeAsync<JoinResult>("JoinRoom", new JoinRoomRequest(null, mode, properties), TestContext.Current.CancellationToken)
            .WaitAsync(Bound, TestContext.Current.CancellationToken));
        var create = await Assert.ThrowsAsync<HubException>(() => client.Connection
            .InvokeAsync<JoinResult>("CreateRoom", new CreateRoomRequest(true, mode, properties), TestContext.Current.CancellationToken)
            .WaitAsync(Bound, TestContext.Current.CancellationToken));

        ValidationTests.AssertHubError("invalid_argument", join);
        ValidationTests.AssertHubError("invalid_argument", create);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task JoinAndCreate_AModeNoSiloRuns_FailWithUnknownMode(WireProtocol protocol)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);

        var join = await Assert.ThrowsAsync<HubException>(() => client.Connection
            .InvokeAsync<JoinResult>("JoinRoom", new JoinRoomRequest(null, "nope"), TestContext.Current.CancellationToken)
            .WaitAsync(Bound, TestContext.Current.CancellationToken));
        var create = await Assert.ThrowsAsync<HubException>(() => client.Connection
            .InvokeAsync<JoinResult>("CreateRoom", new CreateRoomRequest(false, "nope"), TestContext.Current.CancellationToken)
            .WaitAsync(Bound, TestContext.Current.CancellationToken));

        ValidationTests.AssertHubError("unknown_mode", join);
        ValidationTests.AssertHubError("unknown_mode", create);
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task QuickJoin_WithTheCreatorsModeAndProperties_SeatsThePlayerInThatRoom(WireProtocol protocol)
    {
        await using var owner = await Host.ConnectNewPlayerAsync(protocol);
        await using var guest = await Host.ConnectNewPlayerAsync(protocol);
        var properties = new Dictionary<string, string> { ["map"] = "m" + Guid.NewGuid().ToString("N")[..12], ["speed"] = "" };

        var created = await owner.Connection.InvokeAsync<JoinResult>(
            "CreateRoom", new CreateRoomRequest(false, "arena", properties), TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);
        var joined = await guest.Connection.InvokeAsync<JoinResult>(
            "JoinRoom", new JoinRoomRequest(null, "arena", properties), TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal(created.RoomId, joined.RoomId);
        Assert.Equal(("arena", "arena"), (created.Mode, joined.Mode));
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task JoinByCode_WithAnyModeOrProperties_IgnoresThem(WireProtocol protocol)
    {
        await using var owner = await Host.ConnectNewPlayerAsync(protocol);
        await using var guest = await Host.ConnectNewPlayerAsync(protocol);
        var created = await owner.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        var joined = await guest.Connection.InvokeAsync<JoinResult>(
            "JoinRoom", new JoinRoomRequest(created.RoomId, "not a mode!", new Dictionary<string, string> { ["bad name"] = "v" }), TestContext.Current.CancellationToken)
            .WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal((created.RoomId, "arena"), (joined.RoomId, joined.Mode));
    }

    [Theory]
    [InlineData(WireProtocol.Json)]
    [InlineData(WireProtocol.MessagePack)]
    public async Task Create_WithoutAMode_IsAnArenaRoomWithItsGeometry(WireProtocol protocol)
    {
        await using var client = await Host.ConnectNewPlayerAsync(protocol);

        var created = await client.CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal("arena", created.Mode);
        Assert.NotNull(created.Arena);
        Assert.True(created.Arena.WorldWidth > 0);
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
    }
}
