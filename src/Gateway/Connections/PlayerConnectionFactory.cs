using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Gateway.Observability;
using OrleansGame.Gateway.Security;

namespace OrleansGame.Gateway.Connections;

/// <summary>Creates <see cref="PlayerConnection"/>s with the gateway's singletons.</summary>
internal sealed class PlayerConnectionFactory(
    IGrainFactory grains, GatewayFanout fanout, RoomOutbox outbox, IHubContext<GameHub> hub, IOptions<GameHubOptions> options,
    IHostApplicationLifetime lifetime, TimeProvider time, ILogger<PlayerConnection> logger, GatewayMetrics metrics)
{
    /// <summary>
    /// A connection for the hub caller <paramref name="context"/>, playing as <paramref name="playerId"/>, holding
    /// <paramref name="slot"/> of its address until it stops, receiving state in <paramref name="encoding"/>.
    /// </summary>
    public PlayerConnection Create(HubCallerContext context, string playerId, AddressSlot slot, StateEncoding encoding = StateEncoding.Full) =>
        new(context, playerId, slot, grains, fanout, outbox, hub, options.Value, lifetime.ApplicationStopping, time, logger, metrics)
        {
            StateEncoding = encoding,
        };
}
