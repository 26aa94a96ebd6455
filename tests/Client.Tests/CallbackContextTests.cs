using System.Collections.Concurrent;
using OrleansGame.Arena.Wire;
using OrleansGame.Client.Tests.Infrastructure;

namespace OrleansGame.Client.Tests;

[Collection(GatewayCollection.Name)]
public sealed class CallbackContextTests(GatewayFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(GameProtocol.Json)]
    [InlineData(GameProtocol.MessagePack)]
    public async Task Callbacks_RunOnTheGivenContext_InOrder(GameProtocol protocol)
    {
        using var loop = new SingleThreadContext();
        await using var client = await fixture.Server.NewPlayerAsync(protocol, configure: options => options.CallbackContext = loop);
        var room = await client.CreateAsync("arena", new CreateRoomOptions { IsPrivate = true }, Token);
        var threads = new ConcurrentQueue<int>();
        var ticks = new Inbox<long>();
        room.OnState<Snapshot>(snapshot =>
        {
            threads.Enqueue(Environment.CurrentManagedThreadId);
            ticks.Add(snapshot.Tick);
        });

        var first = await ticks.NextAsync();
        long last = first;
        for (var i = 0; i < 5; i++)
        {
            var tick = await ticks.NextAsync();
            Assert.True(tick > last, $"tick {tick} after {last}");
            last = tick;
        }

        Assert.All(threads, thread => Assert.Equal(loop.ThreadId, thread));
    }

    /// <summary>A game loop's main thread, as Unity's: a context whose posts run one by one on its own thread.</summary>
    private sealed class SingleThreadContext : SynchronizationContext, IDisposable
    {
        private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _work = [];
        private readonly Thread _thread;

        public SingleThreadContext()
        {
            _thread = new Thread(() =>
            {
                foreach (var (callback, state) in _work.GetConsumingEnumerable())
                {
                    callback(state);
                }
            }) { IsBackground = true, Name = "main" };
            _thread.Start();
        }

        public int ThreadId => _thread.ManagedThreadId;

        public override void Post(SendOrPostCallback d, object? state) => _work.Add((d, state));

        public void Dispose()
        {
            _work.CompleteAdding();
            _thread.Join(TimeSpan.FromSeconds(5));
            _work.Dispose();
        }
    }
}
