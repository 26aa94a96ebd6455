using OrleansGame.Grains.Hosting;
using OrleansGame.Silo.Hosting;
using OrleansGame.Silo.Observability;

var builder = WebApplication.CreateBuilder(args);
builder.AddBatchScheduling();
builder.AddGameSilo();
builder.AddSiloObservability();

var app = builder.Build();
app.MapGameSilo();
app.MapSiloObservability();

return await app.RunUntilStoppedAsync();
