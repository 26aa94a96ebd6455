using OrleansGame.Gateway.Observability;

namespace OrleansGame.Gateway.Tests.Metrics;

public sealed class MessageTypesTests
{
    [Theory]
    [InlineData("Input", "input")]
    [InlineData("JoinRoom", "join_room")]
    [InlineData("RoomState", "room_state")]
    [InlineData("Chat", "chat")]
    [InlineData("Send", "send")]
    [InlineData("Message", "message")]
    [InlineData("State", "state")]
    [InlineData("input", "other")]
    [InlineData("SomethingAClientMadeUp", "other")]
    public void Of_MethodName_MapsToAFixedTagValue(string method, string expected) => Assert.Equal(expected, MessageTypes.Of(method));

    [Fact]
    public void Of_AMethodAModeDeclared_IsItsSnakeCaseName()
    {
        MessageTypes.Declare(["TestModeScored", "test-mode-move"]);

        Assert.Equal(("test_mode_scored", "test_mode_move"), (MessageTypes.Of("TestModeScored"), MessageTypes.Of("test-mode-move")));
    }

    [Fact]
    public void Of_ANameNotShapedLikeOne_IsNotLearned()
    {
        MessageTypes.Declare("not a name!");

        Assert.Equal("other", MessageTypes.Of("not a name!"));
    }

    [Fact]
    public void Declare_MoreNamesThanTheBound_LearnsOnlyUpToIt()
    {
        var names = new DeclaredNames(3, static name => name.Length > 0, static name => name.ToUpperInvariant());

        foreach (var name in new[] { "a", "b", "", "a", "c", "d", "e" })
        {
            names.Declare(name);
        }

        Assert.Equal(["A", "B", "C", null, null], new[] { "a", "b", "c", "d", "e" }.Select(names.TagOf));
    }

    [Theory]
    [InlineData("test_mode_refused", "test_mode_refused")]
    [InlineData("Test_Mode_Refused", "other")]
    public void Code_AModesOwnCode_IsCountedOnceTheServerSentIt(string code, string expected)
    {
        Assert.Equal("other", MessageTypes.Code(code));

        MessageTypes.DeclareCode(code);

        Assert.Equal(expected, MessageTypes.Code(code));
    }

    [Theory]
    [InlineData("unknown_message", "unknown_message")]
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
