using OrleansGame.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGameSilo();

var app = builder.Build();
app.MapGameSilo();

return await app.RunUntilStoppedAsync();
