namespace OrleansGame.FourInARow;

/// <summary>The message types clients send to a Four in a Row room with <c>Send(type, payload)</c>.</summary>
public static class FourInARowMessageTypes
{
    /// <summary>Drop a disc into a column (<see cref="Wire.DropMessage"/>).</summary>
    public const string Drop = "Drop";

    /// <summary>Ask for a rematch after a game (<see cref="Wire.RematchMessage"/>).</summary>
    public const string Rematch = "Rematch";
}
