using System.Net;
using System.Net.Sockets;

namespace OrleansGame.Client.Tests.Infrastructure;

/// <summary>A TCP proxy on 127.0.0.1 whose connections a test can cut, to drop a client's network like a flaky link.</summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;

    public TcpProxy(Uri target)
    {
        _target = target;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    /// <summary>Closes every connection open now; new ones are accepted as before.</summary>
    public void CutAll()
    {
        lock (_gate)
        {
            foreach (var client in _open)
            {
                // A reset, as a dropped link looks; a connection that already ended has no socket left.
                if (client.Client is { } socket)
                {
                    socket.LingerState = new LingerOption(true, 0);
                }

                client.Dispose();
            }

            _open.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CutAll();
        await _accepting.ContinueWith(static _ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(_target.Host, _target.Port, _stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (_gate)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound);
        }
    }

    private async Task PumpAsync(TcpClient inbound, TcpClient outbound)
    {
        using (inbound)
        using (outbound)
        {
            try
            {
                var a = inbound.GetStream().CopyToAsync(outbound.GetStream(), _stop.Token);
                var b = outbound.GetStream().CopyToAsync(inbound.GetStream(), _stop.Token);
                await Task.WhenAny(a, b);
            }
            catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                // Cut: both sides close below.
            }
        }
    }
}
