using Microsoft.Extensions.Options;
using OrleansGame.Gateway;
using OrleansGame.Gateway.Auth;
using OrleansGame.Grains.Hosting;

try
{
    var app = GatewayApplication.Create(args, static builder => builder.AddBatchScheduling());
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is InvalidSigningKeyException or OptionsValidationException)
{
    // One clear line rather than a stack trace: the operator has a setting to fix.
    await Console.Error.WriteLineAsync($"gateway: invalid configuration: {e.Message}");
    return 2;
}
