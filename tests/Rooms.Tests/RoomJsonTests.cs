using System.Text.Json;
using OrleansGame.Rooms.Hosting;

namespace OrleansGame.Rooms.Tests;

public sealed class RoomJsonTests
{
    [Fact]
    public void Options_WriteCamelCaseAndLeaveNullsOut()
    {
        var json = JsonSerializer.Serialize(new Sample("x", null, 1.5), RoomJson.Options);

        Assert.Equal("""{"playerId":"x","score":1.5}""", json);
    }

    [Fact]
    public void Options_WriteTextAsTheHubsJsonProtocolDoes()
    {
        var json = JsonSerializer.Serialize(new Sample("Zoë", "<b>é & 'q'</b>", 0), RoomJson.Options);

        Assert.Equal("""{"playerId":"Zoë","name":"<b>é & 'q'</b>","score":0}""", json);
    }

    [Fact]
    public void Options_ReadAnyCaseButNotNumbersFromStrings()
    {
        Assert.Equal(new Sample("x", "y", 2), JsonSerializer.Deserialize<Sample>("""{"PLAYERID":"x","name":"y","score":2}""", RoomJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Sample>("""{"playerId":"x","score":"2"}""", RoomJson.Options));
    }

    [Fact]
    public void GetJoinState_NotOverridden_IsTheStateUnderState()
    {
        IHostedMode mode = new TallyMode();
        var state = new TallyState { Count = 3 };

        var joinState = mode.GetJoinState(state, null!, null!);

        Assert.Equal("""{"state":{"count":3}}""", JsonSerializer.Serialize(joinState, joinState.GetType(), RoomJson.Options));
    }

    private sealed record Sample(string PlayerId, string? Name, double Score);
}
