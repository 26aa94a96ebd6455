using System.Text;
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

    [Theory]
    [InlineData(0x3164)] // HANGUL FILLER
    [InlineData(0x115F)] // HANGUL CHOSEONG FILLER
    [InlineData(0x1160)] // HANGUL JUNGSEONG FILLER
    [InlineData(0xFFA0)] // HALFWIDTH HANGUL FILLER
    [InlineData(0x2800)] // BRAILLE PATTERN BLANK
    public void TryNormalize_CharacterThatRendersBlank_FailsWithInvalidName(int codePoint)
    {
        var blank = char.ConvertFromUtf32(codePoint);

        foreach (var raw in new[] { blank, blank + blank, " " + blank + " ", "Al" + blank + "ice" })
        {
            Assert.False(NameRules.TryNormalize(raw, out _, out var error), $"accepted {raw.Length} characters around U+{codePoint:X4}");
            Assert.Equal(ErrorCodes.InvalidName, error?.Code);
            Assert.Contains($"U+{codePoint:X4}", error?.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0x200C)] // ZERO WIDTH NON-JOINER
    [InlineData(0x200D)] // ZERO WIDTH JOINER
    [InlineData(0x2066)] // LEFT-TO-RIGHT ISOLATE
    [InlineData(0xFEFF)] // ZERO WIDTH NO-BREAK SPACE
    [InlineData(0x00AD)] // SOFT HYPHEN
    public void TryNormalize_FormatCharacter_FailsWithInvalidName(int codePoint)
    {
        Assert.False(NameRules.TryNormalize("Al" + char.ConvertFromUtf32(codePoint) + "ice", out _, out var error));
        Assert.Equal(ErrorCodes.InvalidName, error?.Code);
    }

    [Fact]
    public void TryNormalize_DecomposedLetters_AreNormalisedToNfc()
    {
        // "Zoë" typed as e + COMBINING DIAERESIS is the same name as the precomposed one, and as short.
        Assert.True(NameRules.TryNormalize("Zoë", out var name, out var error), error?.Message);
        Assert.Equal("Zoë", name);
        Assert.True(NameRules.TryNormalize(string.Concat(Enumerable.Repeat("é", NameRules.MaxLength)), out name, out error), error?.Message);
        Assert.Equal(new string('é', NameRules.MaxLength), name);
    }

    [Fact]
    public void TryNormalize_LoneSurrogate_FailsWithInvalidName()
    {
        Assert.False(NameRules.TryNormalize("Al" + (char)0xD800 + "ice", out _, out var error));
        Assert.Equal(ErrorCodes.InvalidName, error?.Code);
    }

    [Fact]
    public void TryNormalize_AnyString_AcceptsOnlyShortNamesOfAllowedCharacters()
    {
        Gen.OneOf(Gen.String, Gen.String["a -\u0308\u3164\u115F\u200D\uD83De"]).Sample(raw =>
        {
            if (NameRules.TryNormalize(raw, out var name, out _))
            {
                var runes = name.EnumerateRunes().ToList();
                return runes.Count is >= 1 and <= NameRules.MaxLength
                    && runes.All(r => System.Text.Rune.IsLetterOrDigit(r) || r.Value is ' ' or '-' or '_')
                    && name == name.Trim()
                    && name.IsNormalized(NormalizationForm.FormC)
                    && runes.All(r => r.Value is not (0x115F or 0x1160 or 0x3164 or 0xFFA0));
            }
            return true;
        }, iter: 2_000);
    }
}
