namespace OrleansGame.Grains.Rooms;

/// <summary>The members' round-trip times, reported by their ping services.</summary>
internal sealed partial class RoomGrain
{
    /// <inheritdoc />
    public Task ReportRttAsync(string playerId, int rttMs)
    {
        if (seats.TryGetValue(playerId, out var seat))
        {
            seat.Member.RttMs = Math.Clamp(rttMs, 0, 60_000);
        }

        return Task.CompletedTask;
    }
}
