using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrleansGame.Gateway.Connections;
using OrleansGame.Gateway.Tests.Admin;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Connections;

/// <summary>
/// A client-mode gateway's watch on its cluster connection, told by hand that the connection was lost, over a
/// standalone gateway whose co-hosted silo answers: one probe however often it is told, asking once the interval has
/// passed and ending at the first answer; none while the gateway stops. (The process-cluster tests cut a real gateway
/// off.)
/// </summary>
public sealed class ClusterConnectionWatcherTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task ConnectionLostTwice_OneProbeAsksAfterTheInterval_AndEndsAtTheFirstAnswer()
    {
        await using var host = await GatewayHost.StartAsync();
        using var logs = new LogCapture();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var time = new FakeTimeProvider();
        var watcher = Create(host, time, loggers, host.App.Services.GetRequiredService<IHostApplicationLifetime>());

        watcher.NotifyClusterConnectionLost();
        var probing = watcher.Probing ?? throw new InvalidOperationException("no probe started");
        watcher.NotifyClusterConnectionLost();
        Assert.Same(probing, watcher.Probing);

        // The probe runs on its own thread and waits on the fake clock: move the clock on in small steps until it is
        // answered. It cannot be before the interval has passed on that clock.
        var advanced = TimeSpan.Zero;
        await Eventually.WaitAsync(
            () =>
            {
                if (!probing.IsCompleted)
                {
                    time.Advance(Step);
                    advanced += Step;
                }

                return Task.FromResult(probing.IsCompleted);
            },
            static answered => answered,
            Bound);
        Assert.True(advanced >= Interval, $"the probe was answered {advanced.TotalMilliseconds} ms into an interval of {Interval.TotalMilliseconds} ms");

        Assert.Equal(2, logs.Lines.Count(l => l.Message.StartsWith("Lost the connection to the cluster", StringComparison.Ordinal)));
        Assert.Equal(["The cluster answered the gateway's probe (1 active silos)"], logs.Lines.Where(l => l.Message.StartsWith("The cluster answered", StringComparison.Ordinal)).Select(l => l.Message));

        // Lost again later: a new probe.
        watcher.NotifyClusterConnectionLost();
        Assert.NotSame(probing, watcher.Probing);
    }

    [Fact]
    public async Task ConnectionLostWhileTheGatewayStops_NoProbe()
    {
        await using var host = await GatewayHost.StartAsync();
        using var logs = new LogCapture();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var watcher = Create(host, new FakeTimeProvider(), loggers, lifetime);

        lifetime.StopApplication();
        watcher.NotifyClusterConnectionLost();

        Assert.Null(watcher.Probing);
        Assert.Equal(["The connection to the cluster closed: the gateway is stopping"], logs.Lines.Select(l => l.Message));
    }

    private static ClusterConnectionWatcher Create(GatewayHost host, TimeProvider time, ILoggerFactory loggers, IHostApplicationLifetime lifetime) =>
        new(host.App.Services.GetRequiredService<ConnectionRegistry>(), host.App.Services, Interval, time, lifetime, loggers.CreateLogger<ClusterConnectionWatcher>());
}
