using System.Net;
using System.Net.Sockets;

namespace OrleansGame.Cancellable.Tests.Examples;

/// The listener example from docs/cancellable.md: each accepted socket is an item; the handle is the bound endpoint.
internal sealed class TcpAcceptService(IPEndPoint endpoint) : ICancellable<Socket, IPEndPoint>
{
    private readonly TcpListener _listener = new(endpoint);

    public IPEndPoint CreateHandle()
    {
        _listener.Start();
        return (IPEndPoint)_listener.LocalEndpoint;
    }

    public async ValueTask<CancellationResult<Socket>> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            return CancellationResult<Socket>.Item(await _listener.AcceptSocketAsync(cancellationToken));
        }
        catch
        {
            _listener.Stop(); // cancelled or broken: unbind the port either way
            throw;
        }
    }
}
