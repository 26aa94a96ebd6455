using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansGame.Gateway.Admin;

namespace OrleansGame.Gateway.OpenApi;

/// <summary>
/// Declares the admin key (<c>X-Admin-Key</c>) as the operations document's API-key security scheme, and marks every
/// operation of the admin API (<c>/admin/api</c>) as requiring it; health stays open.
/// </summary>
internal sealed class AdminKeySecurity : IOpenApiDocumentTransformer
{
    /// <summary>The scheme's name in <c>components.securitySchemes</c>.</summary>
    public const string SchemeName = "AdminKey";

    private const string AdminApi = "/admin/api/";

    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = AdminAccessFilter.KeyHeader,
            Description = "An admin key from the Admin:Keys configuration. An Operator key may act; a ReadOnly key may only read (403 forbidden on an action).",
        };

        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith(AdminApi, StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
            }
        }

        return Task.CompletedTask;
    }
}
