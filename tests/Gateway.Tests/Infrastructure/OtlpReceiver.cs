using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrleansGame.Gateway.Tests.Infrastructure;

/// <summary>
/// A minimal OTLP/HTTP endpoint on 127.0.0.1 that stands in for the collector: answers every export with 200 and keeps
/// the bodies by path.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

    /// <summary>The settings that have a gateway export to this endpoint over OTLP/HTTP, quickly.</summary>
    public IReadOnlyDictionary<string, string?> GatewaySettings => new Dictionary<string, string?>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Url,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
    };

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver._exports.Enqueue((context.Request.Path.Value!, body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits, bounded, for an export to <paramref name="path"/> that contains <paramref name="text"/>.</summary>
    public Task WaitForAsync(string path, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return Eventually.WaitAsync(
            () => Task.FromResult(_exports.Any(e => e.Path == path && e.Body.AsSpan().IndexOf(needle) >= 0)),
            found => found,
            TimeSpan.FromSeconds(20));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
