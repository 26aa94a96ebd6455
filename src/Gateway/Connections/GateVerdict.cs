namespace OrleansGame.Gateway.Connections;

/// <summary>What <see cref="MessageGate"/> decided about one message.</summary>
internal enum GateVerdict
{
    /// <summary>Within the limits: process it.</summary>
    Pass,

    /// <summary>Over the limit: drop it.</summary>
    Drop,

    /// <summary>Sustained abuse: close the connection with <c>flood</c>.</summary>
    Flood,
}
