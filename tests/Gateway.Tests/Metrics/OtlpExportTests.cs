using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests.Metrics;

/// <summary>
/// With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the gateway exports its traces and metrics over OTLP/HTTP: an endpoint
/// on 127.0.0.1 stands in for the collector and keeps what it is sent.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Export_WithAnOtlpEndpoint_SendsTheHubCallsSpansTheGrainCallsSpansAndTheGameMetrics()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var host = await GatewayHost.StartAsync(collector.GatewaySettings);
        await using var client = await host.ConnectNewPlayerAsync(WireProtocol.Json);
        await client.CreateRoomAsync(isPrivate: true);
        await client.SendInputAsync(1, 1, 0);
        await client.WaitForSnapshotAsync(s => s.Players.Any(p => p.PlayerId == client.PlayerId && p.AckSeq == 1));

        // OTLP is protobuf; span and metric names travel as plain UTF-8 strings inside it.
        await collector.WaitForAsync("/v1/traces", "GameHub/CreateRoom");
        await collector.WaitForAsync("/v1/traces", "DeliverAsync");
        await collector.WaitForAsync("/v1/metrics", "orleansgame.connections.opened");
    }
}
