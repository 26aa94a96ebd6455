using System.Net;
using System.Net.Sockets;

namespace OrleansGame.Silo.Tests.Infrastructure;

/// <summary>Free TCP ports on the loopback interface.</summary>
public static class FreePort
{
    /// <summary>A port the OS just handed out and released; good enough for a process started right after.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
