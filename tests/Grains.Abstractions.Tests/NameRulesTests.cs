using CsCheck;
using OrleansGame.Grains.Abstractions.Validation;

namespace OrleansGame.Grains.Abstractions.Tests;

public sealed class NameRulesTests
{
    [Theory]
    [InlineData("Alice", "Alice")]
    [InlineData("  Bob the 2nd  ", "Bob the 2nd")]
    [InlineData("snake_case-name", "snake_case-name")]
    [InlineData("Zoë", "Zoë")]
    [InlineData("小明", "小明")]
    [InlineData("abcdefghijklmnopqrst", "abcdefghijklmnopqrst")]
    public void TryNormalize_ValidName_ReturnsTrimmedName(string raw, string expected)
    {
        Assert.True(NameRules.TryNormalize(raw, out var name, out var error));
        Assert.Equal(expected, name);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abcdefghijklmnopqrstu")]
    [InlineData("tab\there")]
    [InlineData("bell\u0007")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("rtl\u202Eoverride")]
    [InlineData("semi;colon")]
    [InlineData("<script>")]
    [InlineData("emoji😀")]
    public void TryNormalize_InvalidName_FailsWithInvalidName(string? raw)
    {
        Assert.False(NameRules.TryNormalize(raw, out _, out var error));
        Assert.Equal(ErrorCodes.InvalidName, error?.Code);
        Assert.False(string.IsNullOrWhiteSpace(error?.Message));
    }

    [Fact]
    public void TryNormalize_AnyString_AcceptsOnlyShortNamesOfAllowedCharacters()
    {
        Gen.String.Sample(raw =>
        {
            if (NameRules.TryNormalize(raw, out var name, out _))
            {
                var runes = name.EnumerateRunes().ToList();
                return runes.Count is >= 1 and <= NameRules.MaxLength
                    && runes.All(r => System.Text.Rune.IsLetterOrDigit(r) || r.Value is ' ' or '-' or '_')
                    && name == name.Trim();
            }
            return true;
        }, iter: 2_000);
    }
}
