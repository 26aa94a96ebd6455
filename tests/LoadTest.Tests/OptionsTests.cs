namespace OrleansGame.LoadTest.Tests;

public sealed class OptionsTests
{
    // Any file that exists stands for a built dll here: the options check the path, the servers are started later.
    private static readonly string Dll = typeof(LoadTestOptions).Assembly.Location;

    [Fact]
    public void Parse_ARampOfBothServers_KeepsEveryValue()
    {
        var options = LoadTestOptions.Parse(["ramp", "--steps", "100,200", "--protocol", "msgpack", "--window", "10", "--gateway-dll", Dll, "--barehub-dll", Dll]);

        Assert.Equal("ramp", options.Mode);
        Assert.Equal([100, 200], options.Steps);
        Assert.True(options.MessagePack);
        Assert.Equal(10, options.WindowSeconds);
        Assert.Equal(["gateway", "bare"], options.Targets);
    }

    [Fact]
    public void Parse_SettleMax_WaitsUpToThreeMinutesForTheJitUnlessTold()
    {
        var waits = LoadTestOptions.Parse(["pinned", "--gateway-dll", Dll, "--barehub-dll", Dll]);
        var told = LoadTestOptions.Parse(["pinned", "--settle-max", "0", "--gateway-dll", Dll, "--barehub-dll", Dll]);

        Assert.Equal((180.0, 0.0), (waits.SettleMaxSeconds, told.SettleMaxSeconds));
    }

    [Theory]
    [InlineData("unknown option --bogus", "--bogus", "1")]
    [InlineData("--window needs a value", "--window")]
    [InlineData("unknown protocol xml", "--protocol", "xml")]
    [InlineData("--steps and --bots take whole numbers of bots above 0", "--steps", "100,0")]
    [InlineData("unknown target nginx", "--targets", "gateway,nginx")]
    [InlineData("--generators, --connect-parallelism and --failures-to-stop take 1 or more", "--generators", "0")]
    [InlineData("--window takes seconds above 0", "--window", "NaN")]
    [InlineData("--slo-delivered a share above 0 and at most 1", "--slo-delivered", "99")]
    [InlineData("--settle-max takes seconds, 0 or more", "--settle-max", "-1")]
    public void Parse_BadOption_ThrowsNamingIt(string expected, params string[] bad)
    {
        var error = Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["ramp", "--gateway-dll", Dll, "--barehub-dll", Dll, .. bad]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Pinned_PinsRestsAndUsesRawBotsUnlessTold()
    {
        var pinned = LoadTestOptions.Parse(["pinned", "--gateway-dll", Dll, "--barehub-dll", Dll]);
        var told = LoadTestOptions.Parse(["pinned", "--client", "signalr", "--window", "5", "--steps", "50", "--gateway-dll", Dll, "--barehub-dll", Dll]);

        Assert.Equal(("pinned", true, true, "raw", 20.0), (pinned.Mode, pinned.Pin, pinned.Rest, pinned.Client, pinned.WindowSeconds));
        Assert.True(pinned.RawBots);
        Assert.Equal(("signalr", 5.0, true), (told.Client, told.WindowSeconds, told.Rest));
        Assert.Equal([50], told.Steps);
    }

    [Fact]
    public void Parse_State_FullUnlessTheRawBotsAreToldDelta()
    {
        var pinned = LoadTestOptions.Parse(["pinned", "--gateway-dll", Dll, "--barehub-dll", Dll]);
        var compact = LoadTestOptions.Parse(["pinned", "--state", "delta", "--bots", "80", "--gateway-dll", Dll, "--barehub-dll", Dll]);

        Assert.Equal(("full", false), (pinned.State, pinned.CompactState));
        Assert.Equal(("delta", true, "raw"), (compact.State, compact.CompactState, compact.Client));
    }

    [Theory]
    [InlineData("unknown client grpc: --client takes raw or signalr", "ramp", "--client", "grpc")]
    [InlineData("joins needs the SignalR client bots", "joins", "--client", "raw")]
    [InlineData("--rest-max and --idle take seconds, 0 or more", "ramp", "--idle", "-1")]
    [InlineData("unknown state encoding binary: --state takes full or delta", "pinned", "--state", "binary")]
    [InlineData("--state delta needs the raw WebSocket bots", "ramp", "--state", "delta")]
    [InlineData("joins does not read states", "joins", "--state", "delta")]
    public void Parse_BadClientOrRest_ThrowsNamingIt(string expected, params string[] bad)
    {
        var error = Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse([.. bad, "--gateway-dll", Dll, "--barehub-dll", Dll]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TargetWithoutItsProgram_SaysWhichOptionIsMissing()
    {
        var error = Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["ramp", "--targets", "bare"]));

        Assert.Equal("bare needs --barehub-dll PATH of a built dll", error.Message);
    }

    [Fact]
    public void Parse_Joins_MeasuresTheGatewayUnlessTold()
    {
        var options = LoadTestOptions.Parse(["joins", "--players", "400", "--pin", "--gateway-dll", Dll]);

        Assert.Equal("joins", options.Mode);
        Assert.Equal(["gateway"], options.Targets);
        Assert.Equal(400, options.Players);
        Assert.True(options.Pin);
        Assert.Equal(1, options.Silos);
    }

    [Theory]
    [InlineData("joins measures quick join: --targets takes gateway, split", "--targets", "bare")]
    [InlineData("--silos takes 1 or more, and more than 1 only with --targets split", "--silos", "2")]
    [InlineData("--players takes a whole number of players above 0", "--players", "0")]
    [InlineData("--rounds takes 1 or more", "--rounds", "0")]
    public void Parse_BadJoinsOption_ThrowsNamingIt(string expected, params string[] bad)
    {
        var error = Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["joins", "--gateway-dll", Dll, "--silo-dll", Dll, .. bad]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SplitWithTwoSilos_KeepsThem()
    {
        var options = LoadTestOptions.Parse(["joins", "--targets", "split", "--silos", "2", "--gateway-dll", Dll, "--silo-dll", Dll]);

        Assert.Equal(["split"], options.Targets);
        Assert.Equal(2, options.Silos);
    }

    [Fact]
    public void Parse_RunWithSeveralLevels_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => LoadTestOptions.Parse(["run", "--steps", "10,20", "--gateway-dll", Dll, "--barehub-dll", Dll]));

        Assert.Equal("run measures one level: give it --bots N", error.Message);
    }
}
