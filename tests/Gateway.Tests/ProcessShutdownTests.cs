using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using OrleansGame.Gateway.Tests.Infrastructure;
using OrleansGame.Grains.Abstractions.Wire;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary>The real gateway executable, stopped the way an operator stops it: SIGTERM (Ctrl+C takes the same path).</summary>
public sealed class ProcessShutdownTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    // A cold process start (silo included) is slow on a busy test machine.
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Sigterm_GatewayProcess_ClientsGetServerShutdownAndTheProcessExitsCleanly_WithoutErrors()
    {
        var port = FreePort.Next();
        var operationsPort = FreePort.Next();
        var arguments = new[]
        {
            "--urls", $"http://127.0.0.1:{port}",
            "--Operations:Url", $"http://127.0.0.1:{operationsPort}",
            "--Auth:SigningKey", GatewayHost.SigningKey,
            "--Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Orleans:ClusterId", "process-test-" + Guid.NewGuid().ToString("N"),
            "--HostOptions:ShutdownTimeout", "00:00:10",
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:OrleansGame", "Information",
        };
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "OrleansGame.Gateway"), arguments)
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var baseAddress = new Uri($"http://127.0.0.1:{port}");
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
            using var operations = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{operationsPort}"), Timeout = TimeSpan.FromSeconds(5) };
            await Eventually.WaitAsync(() => IsUpAsync(operations), up => up, StartBound);
            var clients = new List<TestClient>();
            foreach (var protocol in new[] { WireProtocol.Json, WireProtocol.MessagePack })
            {
                using var response = await http.PostAsJsonAsync("/api/sessions", new { name = "Operator test" }, TestContext.Current.CancellationToken);
                var session = (await response.Content.ReadFromJsonAsync<SessionResponse>(TestContext.Current.CancellationToken))!;
                var client = new TestClient(HubConnections.Build(baseAddress, session.Token, protocol), session);
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
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<bool> IsUpAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/readyz");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
