using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansGame.Gateway.Connections;
using OrleansGame.Gateway.Observability;
using OrleansGame.Gateway.Tests.Admin;
using OrleansGame.Gateway.Tests.Infrastructure;
using OrleansGame.Grains.Abstractions.Wire;

namespace OrleansGame.Gateway.Tests;

/// <summary>
/// What the gateway logs of hub invocations: a refusal of the contract (a client's mistake) is no error in the server's
/// log, and an invocation that fails for any other reason is one, with its exception; calls that cannot be bound are a
/// warning once per connection.
/// </summary>
public sealed class InvocationLogTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private static readonly string FilterCategory = typeof(GameHubTelemetryFilter).FullName!;

    private static readonly string ConnectionCategory = typeof(PlayerConnection).FullName!;

    [Fact]
    public async Task RefusedInvocations_AreLoggedAtDebugLevel_AndNoneAsAnError()
    {
        var logs = new LogCapture();
        await using var host = await GatewayHost.StartAsync(configure: builder => Capture(builder, logs));
        await using var client = await host.ConnectNewPlayerAsync(WireProtocol.Json);

        var missing = await Assert.ThrowsAsync<HubException>(() => client.JoinAsync("zz9zz9").WaitAsync(Bound, TestContext.Current.CancellationToken));
        var misshapen = await Assert.ThrowsAsync<HubException>(() => client.JoinAsync("NOT A CODE").WaitAsync(Bound, TestContext.Current.CancellationToken));
        var unknown = await Assert.ThrowsAsync<HubException>(() => client.Connection
            .InvokeAsync<JoinResult>("CreateRoom", new CreateRoomRequest(false, "nope"), TestContext.Current.CancellationToken)
            .WaitAsync(Bound, TestContext.Current.CancellationToken));

        ValidationTests.AssertHubError("room_not_found", missing);
        ValidationTests.AssertHubError("invalid_room_id", misshapen);
        ValidationTests.AssertHubError("unknown_mode", unknown);
        var refusals = logs.Lines.Where(static l => l.Category == FilterCategory && l.Level == LogLevel.Debug).Select(static l => l.Message).ToList();
        Assert.Contains(refusals, static m => m.StartsWith("Refused JoinRoom", StringComparison.Ordinal) && m.EndsWith(": room_not_found", StringComparison.Ordinal));
        Assert.Contains(refusals, static m => m.StartsWith("Refused JoinRoom", StringComparison.Ordinal) && m.EndsWith(": invalid_room_id", StringComparison.Ordinal));
        Assert.Contains(refusals, static m => m.StartsWith("Refused CreateRoom", StringComparison.Ordinal) && m.EndsWith(": unknown_mode", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, static l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task AnInvocationThatFails_IsLoggedAsAnErrorWithItsException_Once()
    {
        var logs = new LogCapture();
        await using var host = await GatewayHost.StartAsync(configure: builder =>
        {
            Capture(builder, logs);
            // A fault injected on purpose, inside the gateway's own filter: LeaveRoom fails as a bug in the hub would.
            builder.Services.PostConfigure<HubOptions>(static options => options.AddFilter(new FailingLeaveRoom()));
        });
        await using var client = await host.ConnectNewPlayerAsync(WireProtocol.Json);

        var failed = await Assert.ThrowsAsync<HubException>(() => client.Connection
            .InvokeAsync("LeaveRoom", TestContext.Current.CancellationToken)
            .WaitAsync(Bound, TestContext.Current.CancellationToken));

        // The client is told only that something went wrong; the server's log has the rest.
        Assert.DoesNotContain(FailingLeaveRoom.Why, failed.Message, StringComparison.Ordinal);
        var error = Assert.Single(logs.Lines, static l => l.Level >= LogLevel.Error);
        Assert.Equal(FilterCategory, error.Category);
        Assert.Equal($"LeaveRoom of connection {error.Values["ConnectionId"]} failed", error.Message);
        Assert.Equal(FailingLeaveRoom.Why, error.Exception?.Message);
    }

    [Fact]
    public async Task UnbindableCalls_AWarningForTheFirstOfEachConnection_TheRestAtDebugLevel()
    {
        var logs = new LogCapture();
        await using var host = await GatewayHost.StartAsync(configure: builder =>
            builder.Logging.AddProvider(logs).AddFilter<LogCapture>(ConnectionCategory, LogLevel.Debug));
        await using var first = await host.ConnectNewPlayerAsync(WireProtocol.Json);
        await using var second = await host.ConnectNewPlayerAsync(WireProtocol.MessagePack);

        // Three from one connection (fewer than a flood: one a second is the limit, five in a second a flood), one from the other.
        foreach (var payload in new object[] { "fast", new[] { 1, 2, 3 }, 42 })
        {
            await first.Connection.SendAsync("Input", payload, TestContext.Current.CancellationToken);
            Assert.Equal("invalid_argument", (await first.WaitForErrorAsync(Bound)).Code);
        }

        await second.Connection.SendAsync("Chat", new[] { "a", "b" }, TestContext.Current.CancellationToken);
        Assert.Equal("invalid_argument", (await second.WaitForErrorAsync(Bound)).Code);

        var dropped = logs.Lines.Where(static l => l.Category == ConnectionCategory && l.Message.Contains("could not be bound", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, dropped.Count(static l => l.Level == LogLevel.Warning));
        Assert.Single(dropped, static l => l.Level == LogLevel.Warning && (string?)l.Values["Target"] == "Chat");
        Assert.Equal(2, dropped.Count(static l => l.Level == LogLevel.Debug && (string?)l.Values["Target"] == "Input"));
        Assert.Equal(4, dropped.Count);
    }

    private static void Capture(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder, LogCapture logs) =>
        builder.Logging.AddProvider(logs).AddFilter<LogCapture>(FilterCategory, LogLevel.Debug);

    /// <summary>Fails every <c>LeaveRoom</c> with an exception that is not the contract's.</summary>
    private sealed class FailingLeaveRoom : IHubFilter
    {
        public const string Why = "a fault injected by the test";

        public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next) =>
            invocationContext.HubMethodName == "LeaveRoom" ? throw new InvalidOperationException(Why) : next(invocationContext);
    }
}
