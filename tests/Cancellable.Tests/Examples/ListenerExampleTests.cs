using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace OrleansGame.Cancellable.Tests.Examples;

public sealed class ListenerExampleTests
{
    [Fact]
    public async Task Listener_RootTokenCancelled_StopsListenerAndEveryConnection()
    {
        using var root = new CancellationTokenSource();
        var lines = Channel.CreateUnbounded<string>();
        var connections = new ConcurrentQueue<CancellableHandle<Socket>>();

        // Each connection runs under the listener's own token, so stopping the listener stops them all.
        var listener = new TcpAcceptService(new IPEndPoint(IPAddress.Loopback, 0))
            .SpawnWithCallback(root.Token, (socket, listenerToken) =>
            {
                connections.Enqueue(new LineReaderService(socket)
                    .SpawnWithCallback(listenerToken, line => lines.Writer.TryWrite(line)));
                return ValueTask.FromResult(true);
            });

        using var client = new TcpClient();
        await client.ConnectAsync(listener.Handle, Bounds.Token).AsTask().WaitAsync(Bounds.Wait, Bounds.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes("hello\n"), Bounds.Token);
        Assert.Equal("hello", await lines.Reader.ReadAsync(Bounds.Token).AsTask().WaitAsync(Bounds.Wait, Bounds.Token));

        await root.CancelAsync();
        await listener.Completion.WaitAsync(Bounds.Wait, Bounds.Token);
        await Task.WhenAll(connections.Select(c => c.Completion)).WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.Equal(CancellableOutcome.Cancelled, listener.Outcome);
        var connection = Assert.Single(connections);
        Assert.Equal(CancellableOutcome.Cancelled, connection.Outcome);
        var read = await stream.ReadAsync(new byte[16], Bounds.Token).AsTask().WaitAsync(Bounds.Wait, Bounds.Token);
        Assert.Equal(0, read); // the server closed the connection
        using var late = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(
            () => late.ConnectAsync(listener.Handle, Bounds.Token).AsTask().WaitAsync(Bounds.Wait, Bounds.Token));
    }

    [Fact]
    public async Task Connection_PeerCloses_CompletesNormallyAfterDeliveringLines()
    {
        var received = new ConcurrentQueue<string>();
        var accepted = new TaskCompletionSource<CancellableHandle<Socket>>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var listener = new TcpAcceptService(new IPEndPoint(IPAddress.Loopback, 0))
            .SpawnWithCallback(Bounds.Token, (socket, listenerToken) =>
            {
                accepted.TrySetResult(new LineReaderService(socket).SpawnWithCallback(listenerToken, line =>
                {
                    received.Enqueue(line);
                    return true;
                }));
                return ValueTask.FromResult(true);
            });

        using (var client = new TcpClient())
        {
            await client.ConnectAsync(listener.Handle, Bounds.Token).AsTask().WaitAsync(Bounds.Wait, Bounds.Token);
            await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes("a\nb\n"), Bounds.Token);
        }

        var connection = await accepted.Task.WaitAsync(Bounds.Wait, Bounds.Token);
        await connection.Completion.WaitAsync(Bounds.Wait, Bounds.Token);

        Assert.Equal(CancellableOutcome.Completed, connection.Outcome);
        Assert.Equal(["a", "b"], received);
        Assert.Equal(CancellableOutcome.Running, listener.Outcome);
    }
}
