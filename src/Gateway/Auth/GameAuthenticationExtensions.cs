using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OrleansGame.Gateway.Api;
using OrleansGame.Gateway.Hosting;
using OrleansGame.Gateway.Hubs;

namespace OrleansGame.Gateway.Auth;

/// <summary>Registers token issuing and JWT bearer validation (header, or <c>access_token</c> query on the hub).</summary>
internal static class GameAuthenticationExtensions
{
    /// <summary>Adds the signing key, the token issuer, JWT bearer authentication and authorization.</summary>
    public static WebApplicationBuilder AddGameAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var mode = builder.Configuration.GetSection(OrleansHostingOptions.Section).Get<OrleansHostingOptions>()?.Mode ?? OrleansMode.Standalone;
        var keys = SigningKeyRing.Resolve(builder.Configuration.GetSection(AuthOptions.Section), allowEphemeral: mode == OrleansMode.Standalone);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton<TokenIssuer>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Issuer,
                    // A token names its key (kid); one from before a rotation still finds the key that signed it.
                    IssuerSigningKeys = keys.Keys,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = auth.Value.ClockSkew,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        // A browser's WebSocket cannot set headers, so the hub also accepts the token in the query.
                        if (string.IsNullOrEmpty(context.Token)
                            && context.HttpContext.Request.Path.StartsWithSegments(GameHubExtensions.Path)
                            && context.Request.Query["access_token"] is { Count: > 0 } query)
                        {
                            context.Token = query[0];
                        }

                        return Task.CompletedTask;
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        await GameProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, HttpErrorCodes.Unauthorized,
                            "a valid bearer token is required");
                    },
                };
            });
        builder.Services.AddAuthorization();
        return builder;
    }
}
