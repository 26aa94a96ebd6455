namespace OrleansGame.Gateway.Connections;

/// <summary>How a connection receives its room's shared state; chosen at connect with the <c>stateEncoding</c> query parameter.</summary>
internal enum StateEncoding
{
    /// <summary>The mode's state method with the whole state every time (the arena's <c>Snapshot</c>): the default.</summary>
    Full,

    /// <summary><c>Keyframe</c> first, then <c>Delta</c>s of what changed since the connection's previous state.</summary>
    Delta,
}
