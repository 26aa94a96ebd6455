using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using OrleansGame.Gateway.Hosting;

namespace OrleansGame.Gateway.Tests.Hosting;

/// <summary>The standalone gateway's grain storage, with Orleans' real serializer.</summary>
public sealed class ProcessMemoryGrainStorageTests
{
    private const string StateName = "room";
    private static readonly GrainId Room = GrainId.Create("room", "abc123");

    private readonly ProcessMemoryGrainStorage _storage;

    public ProcessMemoryGrainStorageTests()
    {
        var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        _storage = new ProcessMemoryGrainStorage(
            new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()), services.GetRequiredService<IActivatorProvider>());
    }

    [Fact]
    public async Task Read_OfAStateNeverWritten_IsANewOne_WithoutARecord()
    {
        var state = await ReadAsync();

        Assert.Empty(state.State!);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }

    [Fact]
    public async Task Write_ThenRead_GivesACopyOfTheState_AtTheWrittenVersion()
    {
        var written = new GrainState<List<string>>(["tick 1"]);
        await _storage.WriteStateAsync(StateName, Room, written);
        written.State!.Add("changed after the write");

        var read = await ReadAsync();

        Assert.Equal(["tick 1"], read.State);
        Assert.True(read.RecordExists);
        Assert.NotNull(read.ETag);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task Write_FromAReaderOfAnOlderVersion_Conflicts_AndLeavesTheNewerState()
    {
        var first = await ReadAsync();
        var second = await ReadAsync();
        first.State!.Add("the first activation's");
        await _storage.WriteStateAsync(StateName, Room, first);

        second.State!.Add("a stale activation's");
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, Room, second));

        Assert.Equal(["the first activation's"], (await ReadAsync()).State);
    }

    [Fact]
    public async Task Clear_LeavesNoRecord_AndAWriterFromBeforeTheClearConflicts()
    {
        var writer = new GrainState<List<string>>(["checkpoint"]);
        await _storage.WriteStateAsync(StateName, Room, writer);
        var clearer = await ReadAsync();

        await _storage.ClearStateAsync(StateName, Room, clearer);

        var read = await ReadAsync();
        Assert.False(read.RecordExists);
        Assert.Empty(read.State!);
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, Room, writer));
        read.State!.Add("after the clear");
        await _storage.WriteStateAsync(StateName, Room, read);
        Assert.Equal(["after the clear"], (await ReadAsync()).State);
    }

    private async Task<GrainState<List<string>>> ReadAsync()
    {
        var state = new GrainState<List<string>>();
        await _storage.ReadStateAsync(StateName, Room, state);
        return state;
    }
}
