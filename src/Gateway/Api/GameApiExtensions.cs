using System.Text.Json.Serialization;

namespace OrleansGame.Gateway.Api;

/// <summary>Registers and maps the HTTP API.</summary>
internal static class GameApiExtensions
{
    /// <summary>
    /// Adds problem details, the exception handler that answers a cluster failure with 503 <c>unavailable</c>, and the
    /// API's JSON settings (camelCase, nulls omitted).
    /// </summary>
    public static WebApplicationBuilder AddGameApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ClusterUnavailableHandler>();
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);
        return builder;
    }

    /// <summary>Maps sessions, the queries and the health endpoints.</summary>
    public static WebApplication MapGameApi(this WebApplication app)
    {
        app.MapSessions();
        app.MapQueries();
        app.MapHealth();
        return app;
    }
}
