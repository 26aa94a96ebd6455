using OrleansGame.LoadTest.Bots.Raw;

namespace OrleansGame.LoadTest.Tests.Raw;

public sealed class HubFrameBufferTests
{
    [Fact]
    public void TryRead_JsonFramesSplitAnywhereOverReceives_ReadsEachWholeFrameOnce()
    {
        byte[] stream = [.. "{\"type\":6}"u8, 0x1e, .. "{\"type\":1,\"target\":\"Ping\"}"u8, 0x1e, .. "{}"u8, 0x1e];
        for (var cut = 1; cut < stream.Length; cut++)
        {
            var buffer = new HubFrameBuffer(messagePack: false, initialSize: 8);
            var frames = new List<string>();
            buffer.Append(stream.AsSpan(0, cut));
            Drain(buffer, frames);
            buffer.Append(stream.AsSpan(cut));
            Drain(buffer, frames);

            Assert.Equal(["{\"type\":6}", "{\"type\":1,\"target\":\"Ping\"}", "{}"], frames);
            Assert.Equal(0, buffer.Pending);
        }
    }

    [Fact]
    public void TryRead_MessagePackFramesSplitInsideTheLengthPrefix_WaitsForTheWholeFrame()
    {
        // A 200-byte frame has a two-byte prefix: cut between its bytes, then inside the body.
        var body = Enumerable.Range(0, 200).Select(static i => (byte)i).ToArray();
        var prefix = new byte[5];
        var size = HubFrameBuffer.WriteLength(prefix, body.Length);
        byte[] stream = [.. prefix.AsSpan(0, size), .. body, 0x01, 0x7f];
        var buffer = new HubFrameBuffer(messagePack: true, initialSize: 16);

        buffer.Append(stream.AsSpan(0, 1));
        Assert.False(buffer.TryRead(out _));
        buffer.Append(stream.AsSpan(1, 100));
        Assert.False(buffer.TryRead(out _));
        buffer.Append(stream.AsSpan(101));

        Assert.True(buffer.TryRead(out var first));
        Assert.Equal(body, first.ToArray());
        Assert.True(buffer.TryRead(out var second));
        Assert.Equal([0x7f], second.ToArray());
        Assert.False(buffer.TryRead(out _));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(127, 1)]
    [InlineData(128, 2)]
    [InlineData(16_383, 2)]
    [InlineData(16_384, 3)]
    [InlineData(1 << 20, 3)]
    public void WriteLength_ThenTryReadLength_GivesTheLengthBackInTheVarintSize(int length, int expectedSize)
    {
        var prefix = new byte[5];

        var size = HubFrameBuffer.WriteLength(prefix, length);

        Assert.Equal(expectedSize, size);
        Assert.True(HubFrameBuffer.TryReadLength(prefix.AsSpan(0, size), out var read, out var readSize));
        Assert.Equal((length, size), (read, readSize));
        Assert.False(HubFrameBuffer.TryReadLength(prefix.AsSpan(0, size - 1), out _, out _));
    }

    [Fact]
    public void TryRead_MessagePackLengthAboveOneMebibyte_IsRefused()
    {
        var buffer = new HubFrameBuffer(messagePack: true);
        var prefix = new byte[5];
        buffer.Append(prefix.AsSpan(0, HubFrameBuffer.WriteLength(prefix, (1 << 20) + 1)));

        var error = Assert.Throws<InvalidDataException>(() => buffer.TryRead(out _));
        Assert.Contains("more than 1048576", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetReceiveMemory_AFrameLargerThanTheBuffer_GrowsAndKeepsTheUnreadBytes()
    {
        var buffer = new HubFrameBuffer(messagePack: false, initialSize: 4);
        var large = Enumerable.Repeat((byte)'x', 10_000).ToArray();

        foreach (var chunk in large.Chunk(700))
        {
            var memory = buffer.GetReceiveMemory(700);
            chunk.CopyTo(memory);
            buffer.Advance(chunk.Length);
            Assert.False(buffer.TryRead(out _));
        }

        buffer.Append([0x1e]);
        Assert.True(buffer.TryRead(out var frame));
        Assert.Equal(large, frame.ToArray());
    }

    private static void Drain(HubFrameBuffer buffer, List<string> frames)
    {
        while (buffer.TryRead(out var frame))
        {
            frames.Add(System.Text.Encoding.UTF8.GetString(frame.Span));
        }
    }
}
