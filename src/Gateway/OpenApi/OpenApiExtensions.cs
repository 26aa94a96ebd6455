using OrleansGame.Gateway.Operations;

namespace OrleansGame.Gateway.OpenApi;

/// <summary>
/// The HTTP APIs described with ASP.NET Core's built-in OpenAPI generation: the game's (<c>/api</c>) and the operations
/// port's (<c>/admin/api</c>, health) in two documents, served at <c>/openapi/{game|operations}.json</c> on the
/// operations port, in development or when <c>OpenApi:Enabled</c> is true. The operations document declares the admin
/// key as its security scheme (<see cref="AdminKeySecurity"/>).
/// </summary>
internal static class OpenApiExtensions
{
    /// <summary>The document of the game's public API.</summary>
    public const string GameDocument = "game";

    /// <summary>The document of the operations port's API: the admin API and health.</summary>
    public const string OperationsDocument = "operations";

    /// <summary>Adds the two documents, each with the endpoints of its port.</summary>
    public static WebApplicationBuilder AddGameOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(GameDocument, options => options.ShouldInclude = static d => !IsOperational(d));
        // The Orleans dashboard's own routes (standalone mode) are its business, not an API of ours.
        builder.Services.AddOpenApi(OperationsDocument, options =>
        {
            options.ShouldInclude = static d => IsOperational(d) && !(d.RelativePath ?? "").StartsWith("dashboard", StringComparison.Ordinal);
            options.AddDocumentTransformer<AdminKeySecurity>();
        });
        return builder;
    }

    /// <summary>Maps the documents on the operations port, in development or when <c>OpenApi:Enabled</c> is true.</summary>
    public static WebApplication MapGameOpenApi(this WebApplication app)
    {
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("OpenApi:Enabled"))
        {
            app.MapOpenApi().WithMetadata(OperationsEndpoint.Instance);
        }

        return app;
    }

    private static bool IsOperational(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription description) =>
        description.ActionDescriptor.EndpointMetadata.OfType<OperationsEndpoint>().Any();
}
