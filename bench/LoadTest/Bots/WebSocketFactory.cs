using System.Net.Sockets;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections.Client;

namespace OrleansGame.LoadTest.Bots;

/// <summary>
/// Opens the bots' WebSockets through one shared handler whose sockets have Nagle's algorithm off, as a game client's
/// would: a 40-byte input must not wait for the server's ACK before it leaves.
/// </summary>
internal static class WebSocketFactory
{
    private static readonly HttpMessageInvoker Invoker = new(new SocketsHttpHandler
    {
        ConnectCallback = static async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    });

    /// <summary>Connects a WebSocket to <paramref name="context"/>'s address with the bearer <paramref name="token"/>.</summary>
    public static async ValueTask<WebSocket> ConnectAsync(WebSocketConnectionContext context, string token, CancellationToken cancellationToken) =>
        await ConnectAsync(context.Uri, token, cancellationToken);

    /// <summary>Connects a <see cref="ClientWebSocket"/> to <paramref name="uri"/> with the bearer <paramref name="token"/>.</summary>
    public static async ValueTask<ClientWebSocket> ConnectAsync(Uri uri, string token, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        try
        {
            await socket.ConnectAsync(uri, Invoker, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
