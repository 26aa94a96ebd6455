namespace OrleansGame.Rooms.Tests;

public sealed class JoinDecisionTests
{
    [Fact]
    public void Accept_IsAcceptedWithoutACode()
    {
        Assert.True(JoinDecision.Accept.Accepted);
        Assert.Null(JoinDecision.Accept.Code);
    }

    [Fact]
    public void Refuse_CarriesItsCodeAndMessage()
    {
        var refused = JoinDecision.Refuse("wrong_team", "the red team is full");

        Assert.False(refused.Accepted);
        Assert.Equal(("wrong_team", "the red team is full"), (refused.Code, refused.Message));
    }

    [Fact]
    public void Refuse_WithoutCode_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => JoinDecision.Refuse(" ", "why"));
    }
}
