using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Rooms;

namespace OrleansGame.Grains.Rooms;

/// <summary>Where a <see cref="RoomContext"/> sends what the mode asks for: the room grain's pushes.</summary>
internal interface IRoomOutput
{
    /// <summary>Pushes <paramref name="message"/> to one seated, connected player.</summary>
    void Push(string playerId, ServerMessage message);

    /// <summary>Pushes an error to one seated, connected player.</summary>
    void PushError(string playerId, ErrorMessage error);

    /// <summary>Records a game's result for a player.</summary>
    void Record(GameResult result);
}
