using System.Net;
using System.Net.Sockets;

namespace OrleansGame.Silo.Tests.Infrastructure;

/// <summary>
/// Free TCP ports on the loopback interface, for the listeners a test gives a port of its own (a gateway's operations
/// port, a silo's ports, redis).
/// </summary>
/// <remarks>
/// A port the OS hands out for port 0 comes from its ephemeral range, from which every outgoing connection takes one
/// too: between the pick and the listener's bind, one of the many clients the tests running meanwhile connect could
/// take it ("address already in use"). These come from below that range (Linux's is 32768-60999), where only listeners
/// bind, and each is handed out once in this process, so two tests never get the same one.
/// </remarks>
public static class FreePort
{
    private const int First = 20_000;
    private const int Last = 29_999;

    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A port nothing listens on now and no other caller in this process was given.</summary>
    public static int Next()
    {
        lock (HandedOut)
        {
            while (HandedOut.Count <= Last - First)
            {
                var port = Random.Shared.Next(First, Last + 1);
                if (!HandedOut.Add(port))
                {
                    continue;
                }

                try
                {
                    using var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    return port;
                }
                catch (SocketException)
                {
                    // Something listens there already: another.
                }
            }
        }

        throw new InvalidOperationException($"every port from {First} to {Last} was handed out");
    }
}
