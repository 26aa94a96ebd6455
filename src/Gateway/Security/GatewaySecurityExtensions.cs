using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace OrleansGame.Gateway.Security;

/// <summary>Registers and applies the gateway's edge rules: trusted proxies, origins, connection and session caps.</summary>
internal static class GatewaySecurityExtensions
{
    private const string CorsPolicy = "game-origins";

    /// <summary>Binds and validates the security options and adds CORS and the rate limiter.</summary>
    public static WebApplicationBuilder AddGatewaySecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<OriginOptions>().BindConfiguration(OriginOptions.Section)
            .Validate(static o => o.AllowedOrigins.All(static origin => Uri.TryCreate(origin, UriKind.Absolute, out _)), "Cors:AllowedOrigins must hold absolute origins")
            .ValidateOnStart();
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(static o => o.KnownProxies.All(static ip => IPAddress.TryParse(ip, out _)), "ForwardedHeaders:KnownProxies must hold IP addresses")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>(static (forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies: the framework's defaults trust loopback.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The obsolete list is still consulted and still holds loopback by default.
            forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
        {
            var origins = builder.Configuration.GetSection($"{OriginOptions.Section}:{nameof(OriginOptions.AllowedOrigins)}").Get<string[]>() ?? [];
            policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().AllowCredentials();
        }));
        builder.Services.AddSingleton<AddressSlots>();
        builder.Services.AddGatewayRateLimits();
        builder.Services.AddSingleton<RoomCreationLimiter>();
        return builder;
    }

    /// <summary>Applies forwarded headers, the origin rule, CORS and the connection cap, in that order.</summary>
    public static WebApplication UseGatewaySecurity(this WebApplication app)
    {
        // With no known proxy the middleware would trust every X-Forwarded-For, so it only runs when one is configured.
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<OriginPolicyMiddleware>();
        app.UseCors(CorsPolicy);
        app.UseMiddleware<ConnectionCapMiddleware>();
        return app;
    }

    /// <summary>Applies the HTTP rate limits (after authentication, so policies may read the user).</summary>
    public static WebApplication UseGatewayRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        app.Use(SeveredOnStop.Until(app.Lifetime.ApplicationStopped));
        return app;
    }
}
