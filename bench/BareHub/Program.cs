using System.Text.Json.Serialization;
using OrleansGame.BareHub;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSignalR(hub => hub.EnableDetailedErrors = false)
    .AddJsonProtocol(json => json.PayloadSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)
    .AddMessagePackProtocol();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<BareRooms>();
builder.Services.AddHostedService<BareTicker>();

var app = builder.Build();
app.MapGet("/healthz", () => TypedResults.Ok(new { status = "up" }));
app.MapPost("/api/sessions", (TimeProvider time) =>
{
    var playerId = Guid.NewGuid().ToString("N");
    return TypedResults.Ok(new { playerId, name = "bot", token = playerId, expiresAt = time.GetUtcNow().AddHours(24) });
});
// The one figure the load tool reads here: how many methods the JIT compiled, to measure only once it has settled.
app.MapGet("/metrics", () => TypedResults.Text(
    $"# TYPE dotnet_jit_compiled_methods_total counter\ndotnet_jit_compiled_methods_total {System.Runtime.JitInfo.GetCompiledMethodCount()}\n",
    "text/plain; version=0.0.4"));
app.MapHub<BareGameHub>("/hubs/game");
await app.RunAsync();
