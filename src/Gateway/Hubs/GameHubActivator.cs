using Microsoft.AspNetCore.SignalR;
using OrleansGame.Gateway.Connections;
using OrleansGame.Gateway.Security;

namespace OrleansGame.Gateway.Hubs;

/// <summary>
/// Creates the <see cref="GameHub"/> for each call from services taken once. SignalR's own activator is scoped, so
/// every call (20 inputs a second per player) resolved it into a new scope's cache, and the hub's dependencies one by
/// one, where all of them are singletons.
/// </summary>
internal sealed class GameHubActivator(
    ConnectionRegistry registry, PlayerConnectionFactory factory, ShutdownCoordinator shutdown, AddressSlots slots, RoomCreationLimiter creations)
    : IHubActivator<GameHub>
{
    /// <inheritdoc/>
    public GameHub Create() => new(registry, factory, shutdown, slots, creations);

    /// <inheritdoc/>
    public void Release(GameHub hub) => hub.Dispose();
}
