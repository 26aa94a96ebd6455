using OrleansGame.Client;
using OrleansGame.Cluster.Tests.Infrastructure;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Cluster.Tests;

/// <summary>Guest records expire in Redis after the idle window; rooms' checkpoints (and everything else) never do.</summary>
public sealed class GuestExpiryTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task PlayerRecord_IdleForTheWindow_IsGoneFromRedis_WhileTheRoomCheckpointDoesNotExpire()
    {
        await using var cluster = await OneSiloCluster.StartAsync(new Dictionary<string, string?> { ["Guests__IdleExpiry"] = "00:00:04" });
        var redisPort = cluster.Redis!.Port;
        // A guest as the .NET SDK makes one: a session, then a room of the default mode.
        await using var client = new GameClient(new GameClientOptions { BaseAddress = cluster.Url });
        var player = await client.CreateSessionAsync("Guest", TestContext.Current.CancellationToken);
        var room = await client.CreateAsync(cancellationToken: TestContext.Current.CancellationToken);

        // The room checkpoints within its checkpoint interval (5 s); the player's record was written on the way in.
        var roomKey = await Polling.UntilAsync(() => FindKeyAsync(redisPort, $"*room/{room.Id}*"), key => key is not null, "the room's checkpoint in Redis", Bound);
        var playerKey = await FindKeyAsync(redisPort, $"*player/{player.PlayerId}*");

        Assert.NotNull(playerKey);
        Assert.InRange(int.Parse(await RedisCliAsync(redisPort, "TTL", playerKey)), 1, 4);
        Assert.Equal("-1", await RedisCliAsync(redisPort, "TTL", roomKey!));

        // Nothing more written for the player (the seat is not left, no round is played): the record goes.
        await Polling.UntilAsync(() => RedisCliAsync(redisPort, "EXISTS", playerKey), exists => exists == "0", "the idle player's record to expire", Bound);
        Assert.Equal("-1", await RedisCliAsync(redisPort, "TTL", roomKey!));
    }

    private static async Task<string?> FindKeyAsync(int port, string pattern)
    {
        var keys = await RedisCliAsync(port, "--scan", "--pattern", pattern);
        return keys.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
    }

    private static async Task<string> RedisCliAsync(int port, params string[] arguments)
    {
        var cli = Tools.Find("redis-cli") ?? throw new InvalidOperationException("redis-cli is not installed: apt-get install redis-server (test.sh installs it).");
        await using var process = ChildProcess.Start("redis-cli", cli, ["-h", "127.0.0.1", "-p", port.ToString(), .. arguments], new Dictionary<string, string?>());
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(10));
        Assert.True(exitCode == 0, $"redis-cli {string.Join(' ', arguments)} failed ({exitCode}): {process.Output}");
        return process.Output.Trim();
    }
}
