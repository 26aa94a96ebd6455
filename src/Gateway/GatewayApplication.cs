using OrleansGame.Gateway.Admin;
using OrleansGame.Gateway.Api;
using OrleansGame.Gateway.Auth;
using OrleansGame.Gateway.Hosting;
using OrleansGame.Gateway.Hubs;
using OrleansGame.Gateway.Observability;
using OrleansGame.Gateway.OpenApi;
using OrleansGame.Gateway.Operations;
using OrleansGame.Gateway.Security;

namespace OrleansGame.Gateway;

/// <summary>Builds the gateway application: the same wiring for <c>Program</c> and for the tests' hosts.</summary>
public static class GatewayApplication
{
    /// <summary>Creates the gateway with every feature registered and mapped; <paramref name="configure"/> may adjust the builder first.</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        builder.AddOperationsListener();
        builder.AddGameCluster();
        builder.AddGatewaySecurity();
        builder.AddGameAuthentication();
        builder.AddGameApi();
        builder.AddGameHub();
        builder.AddGameObservability();
        builder.AddAdminConsole();
        builder.AddGameOpenApi();

        var app = builder.Build();
        app.UseOperationsPort();
        // Unhandled exceptions become problem+json: 503 unavailable when the cluster failed, 500 otherwise.
        app.UseExceptionHandler();
        app.UseGatewaySecurity();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseGatewayRateLimits();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGameApi();
        app.MapGameHub();
        app.MapGameObservability();
        app.MapAdminConsole();
        app.MapGameOpenApi();
        return app;
    }
}
