using Microsoft.Extensions.Options;

namespace OrleansGame.Arena.Tests;

public sealed class ArenaOptionsTests
{
    [Fact]
    public void ArenaOptions_Defaults_AreTheDocumentedOnes()
    {
        var arena = new ArenaOptions();

        Assert.Equal((1000.0, 1000.0, 20.0, 200.0, 24, 8.0, 1, 8), (arena.WorldWidth, arena.WorldHeight, arena.PlayerRadius, arena.PlayerSpeed, arena.OrbCount, arena.OrbRadius, arena.OrbValue, arena.Capacity));
        Assert.Equal(
            [50, 60_000, 5_000, 30_000, 20_000, 5_000],
            new[] { arena.TickInterval, arena.RoundDuration, arena.ResultsDuration, arena.EmptyRoomDisposeAfter, arena.ReconnectWindow, arena.CheckpointInterval }.Select(t => t.TotalMilliseconds));
        Assert.Equal((30, 10, 1, 3), (arena.InputPerSecond, arena.InputBurst, arena.ChatPerSecond, arena.ChatBurst));
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(Validate(new ArenaOptions()).Succeeded);
    }

    public static TheoryData<string, Action<ArenaOptions>> InvalidSettings => new()
    {
        { "Capacity 0", o => o.Capacity = 0 },
        { "TickInterval 0", o => o.TickInterval = TimeSpan.Zero },
        { "TickInterval 10 ms (above 60 Hz)", o => o.TickInterval = TimeSpan.FromMilliseconds(10) },
        { "TickInterval 2 s", o => o.TickInterval = TimeSpan.FromSeconds(2) },
        { "WorldWidth -5", o => o.WorldWidth = -5 },
        { "PlayerRadius 600 (does not fit)", o => o.PlayerRadius = 600 },
        { "OrbRadius 500 (does not fit)", o => (o.WorldHeight, o.OrbRadius) = (900, 500) },
        { "InputPerSecond 0", o => o.InputPerSecond = 0 },
        { "InputBurst 1001", o => o.InputBurst = 1001 },
        { "ChatPerSecond 0", o => o.ChatPerSecond = 0 },
        { "ChatBurst 0", o => o.ChatBurst = 0 },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Validate_InvalidSetting_Fails(string setting, Action<ArenaOptions> change)
    {
        var options = new ArenaOptions();
        change(options);

        Assert.True(Validate(options).Failed, setting);
    }

    [Theory]
    [InlineData(16.6667)]
    [InlineData(1000)]
    public void Validate_TickIntervalAtTheEdgeOfTheRange_SucceedsAndMakesAValidMode(double milliseconds)
    {
        var options = new ArenaOptions { TickInterval = TimeSpan.FromMilliseconds(milliseconds) };

        Assert.True(Validate(options).Succeeded);
        Assert.InRange(new ArenaMode(options).Settings.TickRate, 1, 60);
    }

    private static ValidateOptionsResult Validate(ArenaOptions options)
    {
        var ranges = new ArenaOptionsValidator().Validate(null, options);
        return ranges.Failed ? ranges : new ArenaGeometryValidator().Validate(null, options);
    }
}
