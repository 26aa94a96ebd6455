namespace OrleansGame.Cancellable.Tests;

public sealed class CancellationResultTests
{
    [Fact]
    public void Item_WithValue_HasItemKindAndValue()
    {
        var result = CancellationResult<string>.Item("x");

        Assert.Equal(CancellationResultKind.Item, result.Kind);
        Assert.Equal("x", result.Value);
        Assert.True(result.TryGetValue(out var value));
        Assert.Equal("x", value);
    }

    [Fact]
    public void ContinueAndBreak_ReadingValue_Throws()
    {
        Assert.Equal(CancellationResultKind.Continue, CancellationResult<int>.Continue.Kind);
        Assert.Equal(CancellationResultKind.Break, CancellationResult<int>.Break.Kind);
        Assert.Throws<InvalidOperationException>(() => CancellationResult<int>.Continue.Value);
        Assert.Throws<InvalidOperationException>(() => CancellationResult<int>.Break.Value);
        Assert.False(CancellationResult<int>.Break.TryGetValue(out _));
    }

    [Fact]
    public void Equality_SameKindAndValue_AreEqual()
    {
        // Two values built apart: equality must come from kind and value, not from identity.
        var three = CancellationResult<int>.Item(3);
        var alsoThree = CancellationResult<int>.Item(3);

        Assert.True(three.Equals(alsoThree));
        Assert.True(three == alsoThree);
        Assert.Equal(three.GetHashCode(), alsoThree.GetHashCode());
        Assert.True(three != CancellationResult<int>.Item(4));
        Assert.NotEqual(CancellationResult<int>.Continue, CancellationResult<int>.Break);
        Assert.True(CancellationResult<int>.Break.Equals(CancellationResult<int>.Break));
    }
}
