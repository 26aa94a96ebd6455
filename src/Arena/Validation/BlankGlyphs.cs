using System.Text;

namespace OrleansGame.Arena.Validation;

/// <summary>Characters that are not whitespace but render as blank space: the Hangul fillers and the blank Braille pattern.</summary>
internal static class BlankGlyphs
{
    /// <summary>Whether <paramref name="rune"/> renders blank though Unicode does not call it whitespace.</summary>
    public static bool Contains(Rune rune) => rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;
}
