using System.Net.Sockets;

namespace OrleansGame.Cancellable.Tests.Examples;

/// One connection from the listener example: each text line is an item; the peer closing is a normal Break.
internal sealed class LineReaderService(Socket socket) : ICancellable<string, Socket>
{
    private readonly StreamReader _reader = new(new NetworkStream(socket, ownsSocket: true));

    public Socket CreateHandle() => socket;

    public async ValueTask<CancellationResult<string>> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var line = await _reader.ReadLineAsync(cancellationToken);
            if (line is not null)
            {
                return CancellationResult<string>.Item(line);
            }
        }
        catch
        {
            _reader.Dispose();
            throw;
        }

        _reader.Dispose();
        return CancellationResult<string>.Break;
    }
}
