using CsCheck;
using OrleansGame.Arena.Validation;
using OrleansGame.Arena.Wire;

namespace OrleansGame.Arena.Tests.Validation;

public sealed class InputRulesTests
{
    [Fact]
    public void Check_NewerSequenceInRange_AcceptsUnchanged()
    {
        var check = InputRules.Check(new InputMessage(17, 0.6, -0.8), lastAcceptedSeq: 16);

        Assert.Equal(InputVerdict.Accept, check.Verdict);
        Assert.Equal(17, check.Seq);
        Assert.Equal(0.6, check.Dx, 12);
        Assert.Equal(-0.8, check.Dy, 12);
    }

    [Fact]
    public void Check_VectorLongerThanOne_IsNormalised()
    {
        var check = InputRules.Check(new InputMessage(1, 1, 1), lastAcceptedSeq: 0);

        Assert.Equal(InputVerdict.Accept, check.Verdict);
        Assert.Equal(1, Math.Sqrt(check.Dx * check.Dx + check.Dy * check.Dy), 12);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(4)]
    [InlineData(0)]
    [InlineData(-3)]
    public void Check_SequenceNotNewer_IsStaleWithoutError(long seq)
    {
        var check = InputRules.Check(new InputMessage(seq, 0, 0), lastAcceptedSeq: 5);

        Assert.Equal(InputVerdict.Stale, check.Verdict);
        Assert.Null(check.Error);
    }

    public static TheoryData<InputMessage?> BrokenInputs => new()
    {
        (InputMessage?)null,
        new InputMessage(null, 0, 0),
        new InputMessage(1, null, 0),
        new InputMessage(1, 0, null),
        new InputMessage(1, double.NaN, 0),
        new InputMessage(1, 0, double.PositiveInfinity),
        new InputMessage(1, double.NegativeInfinity, 0),
        new InputMessage(1, 1e308, 0),
        new InputMessage(1, 0, -1.0000001),
    };

    [Theory]
    [MemberData(nameof(BrokenInputs))]
    public void Check_BrokenInput_RejectsWithInvalidInput(InputMessage? input)
    {
        var check = InputRules.Check(input, lastAcceptedSeq: 0);

        Assert.Equal(InputVerdict.Reject, check.Verdict);
        Assert.False(string.IsNullOrWhiteSpace(check.Error));
    }

    private static readonly double[] Specials =
        [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e308, -1e308, double.Epsilon];

    [Fact]
    public void Check_AnyNumbers_AcceptedDirectionIsFiniteAndAtMostUnitLength()
    {
        var anyDouble = Gen.Frequency(
            (4, Gen.Double[-2, 2]),
            (1, Gen.Double),
            (1, Gen.Int[0, Specials.Length - 1].Select(i => Specials[i])));

        Gen.Select(Gen.Long[-5, 1_000], anyDouble, anyDouble).Sample((seq, dx, dy) =>
        {
            var check = InputRules.Check(new InputMessage(seq, dx, dy), lastAcceptedSeq: 10);
            return check.Verdict switch
            {
                InputVerdict.Accept => seq > 10
                    && double.IsFinite(check.Dx) && double.IsFinite(check.Dy)
                    && check.Dx * check.Dx + check.Dy * check.Dy <= 1 + 1e-9,
                InputVerdict.Reject => !string.IsNullOrWhiteSpace(check.Error),
                _ => seq <= 10 && check.Error is null,
            };
        }, iter: 5_000);
    }
}
