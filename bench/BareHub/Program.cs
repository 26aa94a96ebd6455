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
app.MapHub<BareGameHub>("/hubs/game");
await app.RunAsync();
