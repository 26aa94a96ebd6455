using System.Globalization;
using System.Text;
using CsCheck;
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

    // Code points as numbers: an invisible character in a string literal is a trap for the next reader.
    [Theory]
    [InlineData(0x202E)] // RIGHT-TO-LEFT OVERRIDE
    [InlineData(0x202D)] // LEFT-TO-RIGHT OVERRIDE
    [InlineData(0x2067)] // RIGHT-TO-LEFT ISOLATE
    [InlineData(0x200F)] // RIGHT-TO-LEFT MARK
    [InlineData(0x061C)] // ARABIC LETTER MARK
    [InlineData(0x200B)] // ZERO WIDTH SPACE
    [InlineData(0x200C)] // ZERO WIDTH NON-JOINER
    [InlineData(0x200D)] // ZERO WIDTH JOINER (between letters)
    [InlineData(0x2060)] // WORD JOINER
    [InlineData(0xFEFF)] // ZERO WIDTH NO-BREAK SPACE
    [InlineData(0x00AD)] // SOFT HYPHEN
    [InlineData(0xE0001)] // LANGUAGE TAG
    public void TryNormalize_FormatCharacter_FailsWithInvalidChat(int codePoint)
    {
        var text = "good " + char.ConvertFromUtf32(codePoint) + "game";

        Assert.False(ChatRules.TryNormalize(text, out _, out var error));
        Assert.Contains($"U+{codePoint:X4}", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\U0001F468\u200D\U0001F4BB")] // man, ZWJ, laptop: technologist
    [InlineData("\U0001F468\U0001F3FD\u200D\U0001F4BB")] // with a skin tone modifier before the joiner
    [InlineData("\U0001F3F3\uFE0F\u200D\U0001F308")] // white flag, VS16, ZWJ, rainbow
    public void TryNormalize_ZeroWidthJoinerInsideEmoji_IsAccepted(string emoji)
    {
        Assert.True(ChatRules.TryNormalize("nice " + emoji, out var text, out var error), error);
        Assert.Equal("nice " + emoji, text);
    }

    [Theory]
    [InlineData("\U0001F468\u200D")] // a joiner with nothing after it
    [InlineData("\u200D\U0001F4BB")] // nothing before it
    [InlineData("a\u200D\U0001F4BB")] // a letter before it
    public void TryNormalize_ZeroWidthJoinerOutsideEmoji_FailsWithInvalidChat(string text)
    {
        Assert.False(ChatRules.TryNormalize("x " + text, out _, out _));
    }

    [Fact]
    public void TryNormalize_CombiningMarks_AtMostTheCapPerCharacter()
    {
        // U+0363 COMBINING LATIN SMALL LETTER A composes with nothing, so NFC keeps every mark.
        var atCap = "a" + new string('\u0363', ChatRules.MaxCombiningMarks);
        var overCap = "a" + new string('\u0363', ChatRules.MaxCombiningMarks + 1);
        var zalgo = string.Concat(Enumerable.Repeat("Z" + new string('\u0336', 3) + new string('\u0489', 30), 5));

        Assert.True(ChatRules.TryNormalize(atCap + " " + atCap, out _, out var error), error);
        Assert.False(ChatRules.TryNormalize(overCap, out _, out error));
        Assert.Contains($"{ChatRules.MaxCombiningMarks} combining marks", error, StringComparison.Ordinal);
        Assert.False(ChatRules.TryNormalize(zalgo, out _, out _));
    }

    [Fact]
    public void TryNormalize_DecomposedText_IsNormalisedToNfc()
    {
        // "Việt" typed as bases and combining marks: e + circumflex + dot below composes to one character.
        Assert.True(ChatRules.TryNormalize("Vie\u0302\u0323t cafe\u0301", out var text, out var error), error);

        Assert.Equal("Vi\u1EC7t caf\u00E9", text);
    }

    [Fact]
    public void TryNormalize_LengthIsCountedAfterNfc()
    {
        var decomposed = string.Concat(Enumerable.Repeat("e\u0301", ChatRules.MaxLength));

        Assert.True(ChatRules.TryNormalize(decomposed, out var text, out var error), error);
        Assert.Equal(new string('\u00E9', ChatRules.MaxLength), text);
    }

    [Theory]
    [InlineData("\u3164")] // HANGUL FILLER
    [InlineData("\u115F\u1160")] // HANGUL CHOSEONG and JUNGSEONG FILLER
    [InlineData("\uFFA0 \uFFA0")] // HALFWIDTH HANGUL FILLER
    [InlineData("\u2800\u2800\u2800")] // BRAILLE PATTERN BLANK
    [InlineData("\u3000\u3164\u00A0")] // ideographic space, a filler, a no-break space
    public void TryNormalize_TextThatRendersBlank_FailsWithInvalidChat(string raw)
    {
        Assert.False(ChatRules.TryNormalize(raw, out _, out var error));
        Assert.Contains("visible", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNormalize_AnyString_AcceptsOnlyNormalisedVisibleTextWithinTheRules()
    {
        // Strings mixing plain letters with the characters the rules are about, to reach both answers often.
        var text = Gen.OneOf(Gen.String, Gen.String["a \u0301\u0363\u200D\u202E\u200B\u3164\u2800\ne\uD83D\uDE00"]);

        text.Sample(raw =>
        {
            if (!ChatRules.TryNormalize(raw, out var accepted, out _))
            {
                return true;
            }

            var runes = accepted.EnumerateRunes().ToList();
            return runes.Count is >= 1 and <= ChatRules.MaxLength
                && accepted.IsNormalized(NormalizationForm.FormC)
                && accepted == accepted.Trim()
                && runes.All(r => Rune.GetUnicodeCategory(r) != UnicodeCategory.Control)
                && runes.All(r => Rune.GetUnicodeCategory(r) != UnicodeCategory.Format || r.Value == 0x200D)
                && LongestMarkRun(runes) <= ChatRules.MaxCombiningMarks
                && runes.Any(r => !Rune.IsWhiteSpace(r) && r.Value is not (0x3164 or 0x2800) && !IsMark(r));
        }, iter: 5_000);
    }

    private static int LongestMarkRun(List<Rune> runes)
    {
        int longest = 0, run = 0;
        foreach (var rune in runes)
        {
            run = IsMark(rune) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static bool IsMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;
}
