namespace OrleansGame.Gateway.Admin;

/// <summary>What an admin key may do.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AdminRole>))]
public enum AdminRole
{
    /// <summary>Look only: rooms, players, the leaderboard.</summary>
    ReadOnly,

    /// <summary>Look and act: close and move rooms, kick players, reset the leaderboard.</summary>
    Operator,
}
