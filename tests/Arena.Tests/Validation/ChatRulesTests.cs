using OrleansGame.Arena.Validation;

namespace OrleansGame.Arena.Tests.Validation;

public sealed class ChatRulesTests
{
    [Theory]
    [InlineData("gg", "gg")]
    [InlineData("  well played!  ", "well played!")]
    [InlineData("ça va? 😀", "ça va? 😀")]
    public void TryNormalize_ValidText_ReturnsTrimmedText(string raw, string expected)
    {
        Assert.True(ChatRules.TryNormalize(raw, out var text, out _));
        Assert.Equal(expected, text);
    }

    [Fact]
    public void TryNormalize_TwoHundredEmoji_IsAccepted()
    {
        Assert.True(ChatRules.TryNormalize(string.Concat(Enumerable.Repeat("😀", 200)), out _, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData("line\nbreak")]
    [InlineData("nul\0")]
    public void TryNormalize_InvalidText_FailsWithInvalidChat(string? raw)
    {
        Assert.False(ChatRules.TryNormalize(raw, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryNormalize_LoneSurrogate_FailsWithInvalidChat()
    {
        // Built in code: theory data would turn the lone surrogate into U+FFFD on its way to the test.
        var text = "lone " + (char)0xDC00 + " surrogate";

        Assert.False(ChatRules.TryNormalize(text, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryNormalize_OverlongText_FailsWithInvalidChat()
    {
        Assert.False(ChatRules.TryNormalize(new string('a', ChatRules.MaxLength + 1), out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
