namespace OrleansGame.FourInARow.Tests;

public sealed class FourInARowOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnesAndValid()
    {
        var options = new FourInARowOptions();

        Assert.Equal(TimeSpan.FromSeconds(20), options.TurnTime);
        Assert.Equal(8, options.Spectators);
        Assert.Equal(TimeSpan.FromSeconds(20), options.SeatHold);
        Assert.Equal(TimeSpan.FromSeconds(30), options.EmptyRoomLifetime);
        Assert.Equal(TimeSpan.FromSeconds(2), options.CheckpointInterval);
        Assert.True(new FourInARowOptionsValidator().Validate(null, options).Succeeded);
    }

    public static TheoryData<string, Action<FourInARowOptions>> InvalidSettings => new()
    {
        { "TurnTime 0", o => o.TurnTime = TimeSpan.Zero },
        { "TurnTime 11 min", o => o.TurnTime = TimeSpan.FromMinutes(11) },
        { "Spectators -1", o => o.Spectators = -1 },
        { "Spectators 65", o => o.Spectators = 65 },
        { "SeatHold 0", o => o.SeatHold = TimeSpan.Zero },
        { "CheckpointInterval 0", o => o.CheckpointInterval = TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Validate_OutOfRange_FailsNamingTheSetting(string setting, Action<FourInARowOptions> change)
    {
        var options = new FourInARowOptions();
        change(options);

        var result = new FourInARowOptionsValidator().Validate(null, options);

        Assert.True(result.Failed, setting);
        Assert.Contains(setting.Split(' ')[0], result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Mode_Settings_ComeFromTheOptions()
    {
        var mode = new FourInARowMode(new FourInARowOptions { Spectators = 3, TurnTime = TimeSpan.FromSeconds(7), SeatHold = TimeSpan.FromSeconds(9) });

        Assert.Equal(5, mode.Settings.Capacity);
        Assert.Equal(2, mode.Settings.QuickJoinSeats);
        Assert.Equal(TimeSpan.FromSeconds(9), mode.Settings.SeatHold);
        Assert.Equal(TimeSpan.FromSeconds(7), mode.TurnTime);
        Assert.Equal("State", mode.Settings.StateMethod);
        Assert.Equal(["Drop", "Rematch"], mode.Settings.Messages.Select(static m => m.Type));
    }
}
