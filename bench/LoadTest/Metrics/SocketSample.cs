using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansGame.LoadTest.Metrics;

/// <summary>
/// Bytes the server's established TCP sockets on one port have sent and received (TCP payload, from the kernel's
/// <c>ss -ti</c> counters), summed: the server's traffic with the bots, exact and per direction.
/// </summary>
/// <param name="Sockets">Established sockets on the port.</param>
/// <param name="BytesSent">Payload bytes the server sent.</param>
/// <param name="BytesReceived">Payload bytes the server received.</param>
internal sealed partial record SocketSample(int Sockets, long BytesSent, long BytesReceived)
{
    /// <summary>Reads the counters of the sockets whose local port is <paramref name="port"/>; null when <c>ss</c> is missing.</summary>
    public static async Task<SocketSample?> ReadAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            var start = new ProcessStartInfo("ss", ["-tinH", "state", "established", $"( sport = :{port} )"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var ss = Process.Start(start)!;
            var output = await ss.StandardOutput.ReadToEndAsync(cancellationToken);
            await ss.WaitForExitAsync(cancellationToken);
            var sockets = 0;
            long sent = 0, received = 0;
            foreach (var line in output.Split('\n'))
            {
                if (line.Contains($":{port} ", StringComparison.Ordinal))
                {
                    sockets++;
                }

                if (SentPattern().Match(line) is { Success: true } s)
                {
                    sent += long.Parse(s.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
                }

                if (ReceivedPattern().Match(line) is { Success: true } r)
                {
                    received += long.Parse(r.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
                }
            }

            return new SocketSample(sockets, sent, received);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    [GeneratedRegex(@"bytes_sent:(\d+)")]
    private static partial Regex SentPattern();

    [GeneratedRegex(@"bytes_received:(\d+)")]
    private static partial Regex ReceivedPattern();
}
