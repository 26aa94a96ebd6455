using OrleansGame.Gateway.Observability;

namespace OrleansGame.Gateway.Tests.Metrics;

public sealed class MessageTypesTests
{
    [Theory]
    [InlineData("Input", "input")]
    [InlineData("JoinRoom", "join_room")]
    [InlineData("RoomState", "room_state")]
    [InlineData("Chat", "chat")]
    [InlineData("input", "other")]
    [InlineData("SomethingAClientMadeUp", "other")]
    public void Of_MethodName_MapsToAFixedTagValue(string method, string expected) => Assert.Equal(expected, MessageTypes.Of(method));

    [Theory]
    [InlineData("invalid_input", "invalid_input")]
    [InlineData("rate_limited", "rate_limited")]
    [InlineData("made_up_code", "other")]
    [InlineData(null, "other")]
    public void Code_AnyString_StaysInTheKnownSet(string? code, string expected) => Assert.Equal(expected, MessageTypes.Code(code));

    [Theory]
    [InlineData("flood", "flood")]
    [InlineData("client", "client")]
    [InlineData("whatever", "other")]
    public void Reason_AnyString_StaysInTheKnownSet(string reason, string expected) => Assert.Equal(expected, MessageTypes.Reason(reason));

    [Theory]
    [InlineData("room_full: room k3x9qa is full", "room_full")]
    [InlineData("no code here", null)]
    [InlineData(": empty code", null)]
    public void CodeOf_HubExceptionMessage_ReadsTheCodeBeforeTheColon(string message, string? expected) =>
        Assert.Equal(expected, GameHubTelemetryFilter.CodeOf(message));
}
