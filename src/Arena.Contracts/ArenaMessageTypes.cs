namespace OrleansGame.Arena;

/// <summary>The names of the arena's messages and hub methods, as clients send and receive them.</summary>
public static class ArenaMessageTypes
{
    /// <summary>A steering input from a client (<see cref="Wire.InputMessage"/>).</summary>
    public const string Input = "Input";

    /// <summary>A chat line: <see cref="Wire.ChatRequest"/> from a client, <see cref="Wire.ChatMessage"/> to every member.</summary>
    public const string Chat = "Chat";

    /// <summary>A round event to every member (<see cref="Wire.ArenaRoomEvent"/>), a hub method of its own.</summary>
    public const string RoomEvent = "RoomEvent";

    /// <summary>The hub method every tick's <see cref="Wire.Snapshot"/> reaches clients as.</summary>
    public const string Snapshot = "Snapshot";
}
