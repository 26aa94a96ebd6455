using System.Diagnostics;
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
        await using var gateway = await GatewayProcess.StartAsync();
        var process = gateway.Process;
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
        process.Terminate();

        foreach (var client in clients)
        {
            Assert.Equal("server_shutdown", (await client.Closing.WaitAsync(Bound, TestContext.Current.CancellationToken)).Reason);
            await client.Closed.WaitAsync(Bound, TestContext.Current.CancellationToken);
            await client.DisposeAsync();
        }

        var exitCode = await process.WaitForExitAsync(Bound);
        TestContext.Current.TestOutputHelper?.WriteLine($"the process exited {stopwatch.Elapsed.TotalSeconds:F1} s after SIGTERM; its output:");
        TestContext.Current.TestOutputHelper?.WriteLine(process.Output);
        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{process.Output}");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), $"the process took {stopwatch.Elapsed} to stop");

        // The room has no silo to move to: it stays in its checkpoint, and nothing tries to place it elsewhere.
        // (A line of the log starts with its time, then its level.)
        Assert.DoesNotMatch(@"(?m)^([0-9:.]+ )?fail:|No active nodes", process.Output);
    }
}
