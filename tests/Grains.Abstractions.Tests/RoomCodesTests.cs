using OrleansGame.Grains.Abstractions.Validation;

namespace OrleansGame.Grains.Abstractions.Tests;

public sealed class RoomCodesTests
{
    [Theory]
    [InlineData("k3x9qa", true)]
    [InlineData("000000", true)]
    [InlineData("K3X9QA", false)]
    [InlineData("k3x9q", false)]
    [InlineData("k3x9qab", false)]
    [InlineData("k3x-qa", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_Code_MatchesSixLowercaseAlphanumerics(string? code, bool expected)
    {
        Assert.Equal(expected, RoomCodes.IsValid(code));
    }

    [Fact]
    public void NewCode_ManyCodes_AreValidAndDistinct()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => RoomCodes.NewCode()).ToList();

        Assert.All(codes, code => Assert.True(RoomCodes.IsValid(code), code));
        // 36^6 ≈ 2.2e9 codes: 10,000 draws collide with probability ≈ 2%, so allow a couple.
        Assert.True(codes.Distinct().Count() >= codes.Count - 2);
    }
}
