using OrleansGame.Grains.Abstractions;

namespace OrleansGame.Silo.Tests.Infrastructure;

/// <summary>A registered player whose connection is a <see cref="HandOverObserver"/>.</summary>
public sealed record SeatedPlayer(string Id, IPlayerGrain Grain, HandOverObserver Connection, IPlayerObserver Reference)
{
    /// <summary>Registers the player and attaches a fresh test connection.</summary>
    public static async Task<SeatedPlayer> RegisterAsync(IClusterClient client, string name)
    {
        var id = $"p-{Guid.NewGuid():N}";
        var grain = client.GetGrain<IPlayerGrain>(id);
        await grain.RegisterAsync(name);
        var connection = new HandOverObserver(client);
        var reference = client.CreateObjectReference<IPlayerObserver>(connection);
        await grain.AttachAsync(reference);
        return new SeatedPlayer(id, grain, connection, reference);
    }
}
