using OrleansGame.Gateway;

var app = GatewayApplication.Create(args);
await app.RunAsync();
