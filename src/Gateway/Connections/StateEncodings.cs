namespace OrleansGame.Gateway.Connections;

/// <summary>The <c>stateEncoding</c> query parameter of the hub's URL, with which a client opts into compact state.</summary>
internal static class StateEncodings
{
    /// <summary>The query parameter's name.</summary>
    public const string QueryParameter = "stateEncoding";

    /// <summary>The encoding <paramref name="value"/> names (absent or empty: <see cref="StateEncoding.Full"/>); null for any other value.</summary>
    public static StateEncoding? FromQuery(string? value) => value switch
    {
        null or "" or "full" => StateEncoding.Full,
        "delta" => StateEncoding.Delta,
        _ => null,
    };
}
