namespace OrleansGame.Grains.Players;

/// <summary>A player's persisted state in the <c>game</c> storage: profile, stats and the seat it holds.</summary>
[GenerateSerializer, Alias("game.PlayerRecord")]
internal sealed class PlayerRecord
{
    /// <summary>Whether the player was ever registered.</summary>
    [Id(0)]
    public bool Registered { get; set; }

    /// <summary>The display name.</summary>
    [Id(1)]
    public string Name { get; set; } = "";

    /// <summary>Rounds played with two or more players.</summary>
    [Id(2)]
    public int GamesPlayed { get; set; }

    /// <summary>Counted rounds the player topped.</summary>
    [Id(3)]
    public int Wins { get; set; }

    /// <summary>The best score of any round.</summary>
    [Id(4)]
    public int BestScore { get; set; }

    /// <summary>Orbs collected over all rounds.</summary>
    [Id(5)]
    public long TotalOrbs { get; set; }

    /// <summary>When the player first registered.</summary>
    [Id(6)]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The room the player holds a seat in, or null.</summary>
    [Id(7)]
    public string? CurrentRoom { get; set; }
}
