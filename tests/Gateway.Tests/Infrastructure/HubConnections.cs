using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>Builds real .NET SignalR client connections to a gateway.</summary>
public static class HubConnections
{
    /// <summary>A connection over WebSockets unless <paramref name="transport"/> changes its options (transport, headers).</summary>
    public static HubConnection Build(
        Uri baseAddress, string token, WireProtocol protocol, bool tokenInQuery = false, Action<HttpConnectionOptions>? transport = null)
    {
        var url = new Uri(baseAddress, tokenInQuery ? $"/hubs/game?access_token={Uri.EscapeDataString(token)}" : "/hubs/game");
        var builder = new HubConnectionBuilder().WithUrl(url, options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            if (tokenInQuery)
            {
                options.SkipNegotiation = true;
            }
            else
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            }

            transport?.Invoke(options);
        });
        if (protocol == WireProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol();
        }

        return builder.Build();
    }
}
