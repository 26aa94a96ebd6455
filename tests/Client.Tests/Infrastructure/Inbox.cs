using System.Threading.Channels;

namespace OrleansGame.Client.Tests.Infrastructure;

/// <summary>What a handler received, in order, with bounded waits for the next one that matches.</summary>
public sealed class Inbox<T>
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly Channel<T> _items = Channel.CreateUnbounded<T>();

    public int Count { get; private set; }

    public void Add(T item)
    {
        Count++;
        _items.Writer.TryWrite(item);
    }

    public async Task<T> NextAsync(Func<T, bool>? predicate = null, TimeSpan? timeout = null)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(timeout ?? DefaultWait);
        while (true)
        {
            var item = await _items.Reader.ReadAsync(cancellation.Token);
            if (predicate is null || predicate(item))
            {
                return item;
            }
        }
    }

    public bool TryTake(out T? item) => _items.Reader.TryRead(out item);
}
