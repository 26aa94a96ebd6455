namespace OrleansGame.Rooms.Tests;

public sealed class ModeSettingsTests
{
    [Fact]
    public void Validated_Defaults_AreValidAndDocumented()
    {
        var settings = new ModeSettings().Validated();

        Assert.Equal(20, settings.TickRate);
        Assert.Equal(TimeSpan.FromMilliseconds(50), settings.TickInterval);
        Assert.Equal(8, settings.Capacity);
        Assert.Equal(TimeSpan.FromSeconds(20), settings.SeatHold);
        Assert.True(settings.JoinInProgress);
        Assert.False(settings.StatePerMember);
        Assert.Equal("State", settings.StateMethod);
    }

    [Theory]
    [InlineData(0, 8)]
    [InlineData(61, 8)]
    [InlineData(20, 0)]
    [InlineData(20, 257)]
    public void Validated_TickRateOrCapacityOutOfRange_ThrowsNamingIt(int tickRate, int capacity)
    {
        var settings = new ModeSettings { TickRate = tickRate, Capacity = capacity };

        var error = Assert.ThrowsAny<ArgumentException>(() => settings.Validated());

        Assert.Equal(tickRate is < 1 or > 60 ? nameof(ModeSettings.TickRate) : nameof(ModeSettings.Capacity), error.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void Validated_QuickJoinSeatsOutsideOneToCapacity_ThrowsNamingIt(int seats)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new ModeSettings { Capacity = 8, QuickJoinSeats = seats }.Validated());

        Assert.Equal(nameof(ModeSettings.QuickJoinSeats), error.ParamName);
    }

    [Fact]
    public void Validated_QuickJoinSeats_DefaultsToNullForEverySeat()
    {
        Assert.Null(new ModeSettings().Validated().QuickJoinSeats);
        Assert.Equal(2, new ModeSettings { Capacity = 10, QuickJoinSeats = 2 }.Validated().QuickJoinSeats);
    }

    [Fact]
    public void Validated_MessageTypeDeclaredTwice_Throws()
    {
        var settings = new ModeSettings { Messages = [MessageRule.For<object>("move", 64, 10, 10), MessageRule.For<string>("move", 64, 10, 10)] };

        var error = Assert.Throws<ArgumentException>(() => settings.Validated());

        Assert.Contains("'move' is declared twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("thirty-three-characters-long-name")]
    public void Validated_BadMethodName_Throws(string method)
    {
        Assert.Throws<ArgumentException>(() => new ModeSettings { StateMethod = method }.Validated());
        Assert.Throws<ArgumentException>(() => new ModeSettings { OwnMethods = new HashSet<string> { method } }.Validated());
    }

    [Theory]
    [InlineData("x", 0)]
    [InlineData("x", 1_000_001)]
    [InlineData("", 10)]
    public void Validated_QuantizeOutOfRangeOrUnnamed_ThrowsNamingIt(string member, int steps)
    {
        var settings = new ModeSettings { Quantize = new Dictionary<string, int> { [member] = steps } };

        Assert.Equal(nameof(ModeSettings.Quantize), Assert.ThrowsAny<ArgumentException>(() => settings.Validated()).ParamName);
        var fine = new ModeSettings { Quantize = new Dictionary<string, int> { ["x"] = 10, ["angle"] = 1_000_000 } };
        Assert.Same(fine, fine.Validated());
    }

    [Fact]
    public void GameMode_BadSettings_CannotBeConstructed()
    {
        Assert.ThrowsAny<ArgumentException>(() => new TallyMode(new ModeSettings { TickRate = 100 }));
    }
}
