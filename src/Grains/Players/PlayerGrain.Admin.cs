using OrleansGame.Grains.Abstractions;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Grains.Players;

/// <summary>What the operations console sees of a player and does to it: inspect, kick.</summary>
internal sealed partial class PlayerGrain
{
    /// <inheritdoc />
    public Task<PlayerView?> InspectAsync()
    {
        if (!Record.Registered)
        {
            DeactivateOnIdle();
            return Task.FromResult<PlayerView?>(null);
        }

        int? rtt = observer is not null && ping.SmoothedRttMs is { } smoothed ? (int)Math.Round(smoothed) : null;
        return Task.FromResult<PlayerView?>(new PlayerView(Profile(), Record.CurrentRoom, observer is not null, rtt));
    }

    /// <inheritdoc />
    public async Task<bool> KickAsync(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!Record.Registered)
        {
            DeactivateOnIdle();
            return false;
        }

        LogKicked(PlayerId, reason);
        if (Record.CurrentRoom is { } roomId)
        {
            await Room(roomId).RemoveAsync(PlayerId, reason);
            Record.CurrentRoom = null;
            await state.WriteStateAsync();
        }

        if (observer is { } current)
        {
            var kicked = new Closing(ClosingReasons.Kicked, reason);
            Push(current, kicked, static (o, c) => o.OnClosingAsync(c));
            await DisconnectAsync(kicked);
        }

        return true;
    }
}
