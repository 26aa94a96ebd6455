using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using OrleansGame.Gateway.Tests.Infrastructure;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Tests;

/// <summary>The real gateway executable, stopped the way an operator stops it: SIGTERM (Ctrl+C takes the same path).</summary>
public sealed class ProcessShutdownTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sigterm_GatewayProcess_ClientsGetServerShutdownAndTheProcessExitsCleanly_WithoutErrors()
    {
        using var gateway = await GatewayProcess.StartAsync();
        var (process, output) = (gateway.Process, gateway.Output);
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clients = new List<TestClient>();
        foreach (var protocol in new[] { WireProtocol.Json, WireProtocol.MessagePack })
        {
            using var response = await http.PostAsJsonAsync("/api/sessions", new { name = "Operator test" }, TestContext.Current.CancellationToken);
            var session = (await response.Content.ReadFromJsonAsync<SessionResponse>(TestContext.Current.CancellationToken))!;
            var client = new TestClient(HubConnections.Build(gateway.BaseAddress, session.Token, protocol), session);
            await client.Connection.StartAsync(TestContext.Current.CancellationToken);
            clients.Add(client);
        }

        await clients[0].CreateRoomAsync(isPrivate: true).WaitAsync(Bound, TestContext.Current.CancellationToken);

        var stopwatch = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        foreach (var client in clients)
        {
            Assert.Equal("server_shutdown", (await client.Closing.WaitAsync(Bound, TestContext.Current.CancellationToken)).Reason);
            await client.Closed.WaitAsync(Bound, TestContext.Current.CancellationToken);
            await client.DisposeAsync();
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"the process exited {stopwatch.Elapsed.TotalSeconds:F1} s after SIGTERM; its output:");
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', output));
        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}:\n{string.Join('\n', output)}");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), $"the process took {stopwatch.Elapsed} to stop");

        // The room has no silo to move to: it stays in its checkpoint, and nothing tries to place it elsewhere.
        Assert.DoesNotContain(output, line => line.StartsWith("fail:", StringComparison.Ordinal) || line.Contains("No active nodes", StringComparison.Ordinal));
    }
}
