using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary>Both protocols carry the same camelCase field names, in both directions.</summary>
[Collection(GatewayCollection.Name)]
public sealed class WireNameTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static readonly string[] SnapshotFields = ["roomId", "tick", "serverTime", "phase", "remainingMs", "players"];
    private static readonly string[] PlayerFields = ["playerId", "x", "y", "score", "ackSeq", "rttMs", "away"];

    [Fact]
    public async Task Json_SnapshotFieldsAndInputFields_AreCamelCase()
    {
        var session = await fixture.Host.CreateSessionAsync();
        await using var connection = fixture.Host.BuildConnection(session.Token, WireProtocol.Json);
        var snapshots = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>("Snapshot", s =>
        {
            if (s.GetProperty("players").EnumerateArray().Any(p => p.GetProperty("ackSeq").GetInt64() == 3))
            {
                snapshots.TrySetResult(s);
            }
        });
        await connection.StartAsync(TestContext.Current.CancellationToken);
        await connection.InvokeAsync<JsonElement>("CreateRoom", new Dictionary<string, object> { ["isPrivate"] = true }, TestContext.Current.CancellationToken);

        // Hand-written camelCase maps: what a client in another language sends.
        await connection.SendAsync("Input", new Dictionary<string, object> { ["seq"] = 3, ["dx"] = 0.5, ["dy"] = 0 }, TestContext.Current.CancellationToken);
        var snapshot = await snapshots.Task.WaitAsync(Bound, TestContext.Current.CancellationToken);

        var names = snapshot.EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(SnapshotFields, f => Assert.Contains(f, names));
        var player = snapshot.GetProperty("players")[0].EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(PlayerFields.Order(), player.Order());
    }

    [Fact]
    public async Task MessagePack_SnapshotFieldsAndInputFields_AreCamelCase()
    {
        var session = await fixture.Host.CreateSessionAsync();
        await using var connection = fixture.Host.BuildConnection(session.Token, WireProtocol.MessagePack);
        var snapshots = new TaskCompletionSource<Dictionary<object, object>>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<Dictionary<object, object>>("Snapshot", s =>
        {
            var players = (object[])s["players"];
            if (players.Cast<Dictionary<object, object>>().Any(p => Convert.ToInt64(p["ackSeq"], System.Globalization.CultureInfo.InvariantCulture) == 3))
            {
                snapshots.TrySetResult(s);
            }
        });
        await connection.StartAsync(TestContext.Current.CancellationToken);
        var joined = await connection.InvokeAsync<Dictionary<object, object>>(
            "CreateRoom", new Dictionary<string, object> { ["isPrivate"] = true }, TestContext.Current.CancellationToken);

        await connection.SendAsync("Input", new Dictionary<string, object> { ["seq"] = 3, ["dx"] = 0.5, ["dy"] = 0.0 }, TestContext.Current.CancellationToken);
        var snapshot = await snapshots.Task.WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.All(new[] { "roomId", "playerId", "capacity", "isPrivate", "roster", "orbs", "snapshot" }, f => Assert.Contains(f, joined.Keys));
        Assert.All(SnapshotFields, f => Assert.Contains(f, snapshot.Keys));
        var player = ((Dictionary<object, object>)((object[])snapshot["players"])[0]).Keys.Cast<string>();
        Assert.Equal(PlayerFields.Order(), player.Order());
    }
}
