using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Grains.Rooms;

namespace OrleansGame.Grains.Tests.Rooms;

public sealed class RoomLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_PastCapacity_DropsTheOldest_AndListsNewestFirst()
    {
        var log = new RoomLog();

        for (var i = 0; i < RoomLog.Capacity + 7; i++)
        {
            log.Add(Entry(i));
        }

        Assert.Equal(RoomLog.Capacity, log.Count);
        Assert.Equal(Enumerable.Range(7, RoomLog.Capacity).Reverse().Select(i => $"e{i}"), log.NewestFirst().Select(e => e.Text));
        Assert.Equal(Enumerable.Range(7, RoomLog.Capacity).Select(i => $"e{i}"), log.OldestFirst().Select(e => e.Text));
    }

    [Fact]
    public void Restore_WithMoreThanFit_KeepsTheNewest_AndReplacesWhatWasThere()
    {
        var log = new RoomLog();
        log.Add(Entry(-1));

        log.Restore(Enumerable.Range(0, RoomLog.Capacity + 3).Select(Entry));

        Assert.Equal(RoomLog.Capacity, log.Count);
        Assert.Equal("e3", log.OldestFirst()[0].Text);
        Assert.Equal($"e{RoomLog.Capacity + 2}", log.NewestFirst()[0].Text);
    }

    private static RoomLogEntry Entry(int i) => new(Start.AddSeconds(i), "code", $"e{i}");
}
