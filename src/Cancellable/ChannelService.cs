using System.Threading.Channels;

namespace OrleansGame.Cancellable;

/// <summary>
/// A ready-made service fed through a bounded channel: its handle is the writer, each written value becomes an
/// item, and completing the writer stops the service (Completed, or Failed with the writer's error).
/// A full channel makes <see cref="ChannelWriter{T}.WriteAsync"/> wait, so a slow consumer slows its producers.
/// </summary>
/// <typeparam name="T">The type of the values passed through the channel.</typeparam>
public sealed class ChannelService<T> : ICancellable<T, ChannelWriter<T>>
{
    private readonly Channel<T> _channel;

    /// <summary>Creates a service whose channel holds at most <paramref name="capacity"/> unread values.</summary>
    /// <param name="capacity">The channel's bound; at least 1.</param>
    public ChannelService(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <inheritdoc/>
    public ChannelWriter<T> CreateHandle() => _channel.Writer;

    /// <inheritdoc/>
    public async ValueTask<CancellationResult<T>> RunAsync(CancellationToken cancellationToken)
    {
        if (_channel.Reader.TryRead(out var item))
        {
            return CancellationResult<T>.Item(item);
        }

        return await _channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false)
            ? CancellationResult<T>.Continue
            : CancellationResult<T>.Break;
    }
}
