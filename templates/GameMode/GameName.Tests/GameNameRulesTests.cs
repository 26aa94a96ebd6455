namespace GameName.Tests;

public sealed class GameNameRulesTests
{
    private readonly GameNameRules rules = new(target: 5, maxTapsPerMessage: 3);

    private GameNameState TwoPlayers()
    {
        var state = rules.NewGame();
        rules.Join(state, "alice");
        rules.Join(state, "bob");
        return state;
    }

    [Fact]
    public void Tap_BelowTheTarget_CountsForThatPlayerOnly()
    {
        var state = TwoPlayers();

        Assert.Equal(TapOutcome.Counted, rules.Tap(state, "alice", new Tap(3)));

        Assert.Equal(3, state.Taps["alice"]);
        Assert.Equal(0, state.Taps["bob"]);
        Assert.Equal(1, state.Round);
    }

    [Fact]
    public void Tap_ReachingTheTarget_WinsKeepsTheRoundsTapsAndStartsTheNext()
    {
        var state = TwoPlayers();
        rules.Tap(state, "bob", new Tap(2));
        rules.Tap(state, "alice", new Tap(3));

        Assert.Equal(TapOutcome.Won, rules.Tap(state, "alice", new Tap(2)));

        Assert.Equal("alice", state.LastWinner);
        Assert.Equal(2, state.Round);
        Assert.Equal(new Dictionary<string, int> { ["alice"] = 5, ["bob"] = 2 }, state.LastRound);
        Assert.All(state.Taps.Values, taps => Assert.Equal(0, taps));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(4)]
    public void Tap_CountOutOfRange_InvalidAndNothingChanges(int count)
    {
        var state = TwoPlayers();

        Assert.Equal(TapOutcome.Invalid, rules.Tap(state, "alice", new Tap(count)));

        Assert.Equal(0, state.Taps["alice"]);
    }

    [Fact]
    public void Tap_PlayerNotInTheRace_Invalid()
    {
        var state = TwoPlayers();
        rules.Leave(state, "bob");

        Assert.Equal(TapOutcome.Invalid, rules.Tap(state, "bob", new Tap(1)));
        Assert.False(state.Taps.ContainsKey("bob"));
    }
}
