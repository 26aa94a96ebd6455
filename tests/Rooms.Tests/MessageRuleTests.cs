namespace OrleansGame.Rooms.Tests;

public sealed class MessageRuleTests
{
    [Fact]
    public void For_ValidRule_KeepsItsLimitsAndTheDefaultInvalidCode()
    {
        var rule = MessageRule.For<Uri>("drop-disc_2", maxBytes: 64, perSecond: 5, burst: 3);

        Assert.Equal(("drop-disc_2", typeof(Uri), 64, 5, 3), (rule.Type, rule.PayloadType, rule.MaxBytes, rule.PerSecond, rule.Burst));
        Assert.Equal("invalid_argument", rule.InvalidCode);
        Assert.Equal("invalid_move", (rule with { InvalidCode = "invalid_move" }).InvalidCode);
    }

    [Theory]
    [InlineData("", 64, 5, 5)]
    [InlineData("no/slash", 64, 5, 5)]
    [InlineData("move", 0, 5, 5)]
    [InlineData("move", 4097, 5, 5)]
    [InlineData("move", 64, 0, 5)]
    [InlineData("move", 64, 5, 0)]
    [InlineData("move", 64, 1001, 5)]
    public void Constructor_OutOfShapeOrRange_Throws(string type, int maxBytes, int perSecond, int burst)
    {
        Assert.ThrowsAny<ArgumentException>(() => new MessageRule(type, typeof(object), maxBytes, perSecond, burst));
    }

    [Theory]
    [InlineData("arena", true)]
    [InlineData("Four-in-a-row_2", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("é", false)]
    [InlineData("a b", false)]
    public void ModeNames_IsValid_AcceptsAsciiLettersDigitsDashAndUnderscore(string? name, bool valid)
    {
        Assert.Equal(valid, ModeNames.IsValid(name));
    }
}
