using System.Text.Json.Serialization;

namespace OrleansGame.FourInARow.Rules;

/// <summary>
/// One room's game, and the room's checkpoint: the board, the two players and the spectators, whose turn it is and
/// until when, how the last game ended, and the rematch votes. Plain rules over plain data: every method takes the
/// time it runs at, so the rules are tested without a host or a clock.
/// </summary>
/// <remarks>
/// The first two members to arrive play; later ones watch, and the longest-waiting spectator takes a seat that frees
/// up. A game starts whenever two players are seated and none is running, except after a game both of them played:
/// then it takes both their rematch votes, and the discs swap so that the other player moves first.
/// </remarks>
public sealed class FourInARowGame
{
    /// <summary>The board.</summary>
    public Board Board { get; set; } = new();

    /// <summary>The players, at most two.</summary>
    public List<GamePlayer> Players { get; set; } = [];

    /// <summary>The spectators' ids, longest waiting first.</summary>
    public List<string> Spectators { get; set; } = [];

    /// <summary>The phase (<see cref="GamePhases"/>).</summary>
    public string Phase { get; set; } = GamePhases.Waiting;

    /// <summary>The id of the player to move, while a game runs.</summary>
    public string? Turn { get; set; }

    /// <summary>When the turn's clock runs out, while a game runs.</summary>
    public DateTimeOffset? TurnEndsAt { get; set; }

    /// <summary>Discs dropped in this game.</summary>
    public int Moves { get; set; }

    /// <summary>The last disc dropped in this game, or null.</summary>
    public Move? LastMove { get; set; }

    /// <summary>The winner of the last game, or null (none yet, or a draw).</summary>
    public string? Winner { get; set; }

    /// <summary>How the last game ended (<see cref="GameOutcomes"/>), or null while none has.</summary>
    public string? Outcome { get; set; }

    /// <summary>The winning line of the last game, when it was won by one.</summary>
    public List<Cell>? WinLine { get; set; }

    /// <summary>The players who asked for a rematch since the last game ended.</summary>
    public List<string> Rematch { get; set; } = [];

    /// <summary>Counts every change clients would see; the mode sends the state again only when it moved.</summary>
    public long Version { get; set; }

    /// <summary>The version last sent; not in the checkpoint, so a restored room sends its state once more.</summary>
    [JsonIgnore]
    public long SentVersion { get; set; } = -1;

    /// <summary>The seated player <paramref name="playerId"/>, or null.</summary>
    public GamePlayer? Player(string playerId) => Players.Find(p => p.Id == playerId);

    /// <summary>
    /// Seats an arriving member: as a player while a seat is free (a game starts when it makes two), else as a spectator.
    /// </summary>
    public void Seat(string playerId, string name, DateTimeOffset now, TimeSpan turnTime)
    {
        if (Player(playerId) is not null || Spectators.Contains(playerId))
        {
            return;
        }

        if (Players.Count < 2)
        {
            TakeSeat(playerId, name, now, turnTime);
        }
        else
        {
            Spectators.Add(playerId);
        }

        Version++;
    }

    /// <summary>
    /// Removes a member who left for good. A player who leaves a running game loses it by forfeit (the game that ended
    /// is returned); the longest-waiting spectator takes the seat, which starts a new game.
    /// </summary>
    /// <param name="playerId">The member who left.</param>
    /// <param name="nameOf">The display name of a spectator, for the one who takes the seat.</param>
    /// <param name="now">The time.</param>
    /// <param name="turnTime">The turn clock of a game that starts.</param>
    public GameEnd? Remove(string playerId, Func<string, string> nameOf, DateTimeOffset now, TimeSpan turnTime)
    {
        ArgumentNullException.ThrowIfNull(nameOf);
        Version++;
        if (Spectators.Remove(playerId) || Player(playerId) is not { } leaving)
        {
            return null;
        }

        GameEnd? ended = null;
        if (Phase == GamePhases.Playing)
        {
            ended = Finish(GameOutcomes.Forfeit, Opponent(leaving), line: null);
        }

        Players.Remove(leaving);
        Rematch.Clear();
        if (Spectators.Count > 0)
        {
            var next = Spectators[0];
            Spectators.RemoveAt(0);
            TakeSeat(next, nameOf(next), now, turnTime);
        }

        return ended;
    }

    /// <summary>Marks a player's connection away (dropped, seat held) or back.</summary>
    public void SetAway(string playerId, bool away)
    {
        if (Player(playerId) is { } player && player.Away != away)
        {
            player.Away = away;
            Version++;
        }
    }

    /// <summary>
    /// Drops <paramref name="playerId"/>'s disc into <paramref name="column"/>: null when it was played, else the
    /// <see cref="FourInARowErrorCodes"/> code that refuses it. <paramref name="ended"/> is the game the move ended.
    /// </summary>
    public string? Drop(string playerId, int column, DateTimeOffset now, TimeSpan turnTime, out GameEnd? ended)
    {
        ended = null;
        if (Phase != GamePhases.Playing || Player(playerId) is not { } player)
        {
            return FourInARowErrorCodes.NotPlaying;
        }

        if (Turn != playerId)
        {
            return FourInARowErrorCodes.NotYourTurn;
        }

        var row = Board.Drop(column, player.Disc);
        if (row < 0)
        {
            return FourInARowErrorCodes.ColumnFull;
        }

        Moves++;
        LastMove = new Move(column, row, player.Disc);
        Version++;
        if (Board.LineThrough(new Cell(column, row)) is { } line)
        {
            ended = Finish(GameOutcomes.Win, player, [.. line]);
        }
        else if (Board.IsFull)
        {
            ended = Finish(GameOutcomes.Draw, winner: null, line: null);
        }
        else
        {
            Turn = Opponent(player).Id;
            TurnEndsAt = now + turnTime;
        }

        return null;
    }

    /// <summary>Ends the game when the turn's clock has run out at <paramref name="now"/>: the player to move loses. The game that ended, or null.</summary>
    public GameEnd? ExpireTurn(DateTimeOffset now)
    {
        if (Phase != GamePhases.Playing || TurnEndsAt is not { } endsAt || now < endsAt || Player(Turn!) is not { } late)
        {
            return null;
        }

        return Finish(GameOutcomes.Timeout, Opponent(late), line: null);
    }

    /// <summary>
    /// Records <paramref name="playerId"/>'s rematch vote: null when counted (the second vote starts the game, discs
    /// swapped) or when there is nothing to vote on (no game over, no opponent); <see cref="FourInARowErrorCodes.NotPlaying"/>
    /// from a spectator.
    /// </summary>
    public string? AskRematch(string playerId, DateTimeOffset now, TimeSpan turnTime)
    {
        if (Player(playerId) is null)
        {
            return FourInARowErrorCodes.NotPlaying;
        }

        if (Phase != GamePhases.Over || Players.Count < 2 || Rematch.Contains(playerId))
        {
            return null;
        }

        Rematch.Add(playerId);
        Version++;
        if (Rematch.Count == Players.Count)
        {
            foreach (var player in Players)
            {
                player.Disc = 3 - player.Disc;
            }

            Start(now, turnTime);
        }

        return null;
    }

    private void TakeSeat(string playerId, string name, DateTimeOffset now, TimeSpan turnTime)
    {
        var disc = Players.Exists(static p => p.Disc == 1) ? 2 : 1;
        Players.Add(new GamePlayer { Id = playerId, Name = name, Disc = disc });
        Players.Sort(static (a, b) => a.Disc.CompareTo(b.Disc));
        if (Players.Count == 2 && Phase != GamePhases.Playing)
        {
            Start(now, turnTime);
        }
    }

    private void Start(DateTimeOffset now, TimeSpan turnTime)
    {
        Players.Sort(static (a, b) => a.Disc.CompareTo(b.Disc));
        Board.Clear();
        Phase = GamePhases.Playing;
        Turn = Players[0].Id;
        TurnEndsAt = now + turnTime;
        Moves = 0;
        LastMove = null;
        Winner = null;
        Outcome = null;
        WinLine = null;
        Rematch.Clear();
        Version++;
    }

    private GameEnd Finish(string outcome, GamePlayer? winner, List<Cell>? line)
    {
        Phase = GamePhases.Over;
        Turn = null;
        TurnEndsAt = null;
        Outcome = outcome;
        Winner = winner?.Id;
        WinLine = line;
        Rematch.Clear();
        if (winner is not null)
        {
            winner.Wins++;
        }

        Version++;
        return new GameEnd([.. Players.Select(static p => p.Id)], winner?.Id, outcome);
    }

    private GamePlayer Opponent(GamePlayer player) => Players.First(p => p.Id != player.Id);
}
