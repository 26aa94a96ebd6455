using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrleansGame.Gateway.Admin;
using OrleansGame.Gateway.OpenApi;
using OrleansGame.Gateway.Tests.Infrastructure;

namespace OrleansGame.Gateway.Tests;

/// <summary>
/// The OpenAPI documents stay in step with the endpoints: every HTTP endpoint of the game's API and of the operations
/// port appears, with its method, in the document of its port, and nothing of one port in the other's.
/// </summary>
[Collection(OwnHostsCollection.Name)]
public sealed class OpenApiTests
{
    [Fact]
    public async Task EveryMappedApiEndpoint_AppearsInTheDocumentOfItsPort()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["OpenApi:Enabled"] = "true" });
        var game = await DocumentAsync(host, "game");
        var operations = await DocumentAsync(host, "operations");

        var mapped = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(static e => e.RoutePattern.RawText is { } path && (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/admin/api/", StringComparison.Ordinal) || path is "/healthz" or "/readyz"))
            .SelectMany(static e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m.ToLowerInvariant(), Path: e.RoutePattern.RawText!)))
            .ToList();

        Assert.True(mapped.Count >= 18, $"only {mapped.Count} endpoints found");
        foreach (var (method, path) in mapped)
        {
            var document = path.StartsWith("/api/", StringComparison.Ordinal) ? game : operations;
            Assert.True(document.Contains((method, path)), $"{method.ToUpperInvariant()} {path} is missing from its OpenAPI document");
        }

        Assert.DoesNotContain(game, static op => op.Path.StartsWith("/admin", StringComparison.Ordinal));
        Assert.DoesNotContain(operations, static op => op.Path.StartsWith("/api/", StringComparison.Ordinal));
        Assert.Empty(game.Concat(operations).Except(mapped));
    }

    [Fact]
    public async Task TheOperationsDocument_DeclaresTheAdminKeyScheme_AndEveryAdminOperationRequiresIt_ButNotHealth()
    {
        await using var host = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["OpenApi:Enabled"] = "true" });
        using var response = await host.Operations.GetAsync("/openapi/operations.json", TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty(AdminKeySecurity.SchemeName);
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal(AdminAccessFilter.KeyHeader, scheme.GetProperty("name").GetString());

        var admin = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var schemes = operation.Value.TryGetProperty("security", out var security)
                    ? security.EnumerateArray().SelectMany(static r => r.EnumerateObject().Select(static s => s.Name)).ToList()
                    : [];
                if (path.Name.StartsWith("/admin/api/", StringComparison.Ordinal))
                {
                    admin++;
                    Assert.True(schemes.SequenceEqual([AdminKeySecurity.SchemeName]), $"{operation.Name.ToUpperInvariant()} {path.Name} does not require the admin key");
                }
                else
                {
                    Assert.True(schemes.Count == 0, $"{operation.Name.ToUpperInvariant()} {path.Name} requires {string.Join(", ", schemes)}");
                }
            }
        }

        Assert.True(admin >= 11, $"only {admin} admin operations in the document");
    }

    [Fact]
    public async Task TheDocuments_AreNotServed_OutsideDevelopmentUnlessEnabled_NorEverOnTheGamesPort()
    {
        await using var host = await GatewayHost.StartAsync();

        using var operations = await host.Operations.GetAsync("/openapi/game.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, operations.StatusCode);
        using var game = await host.Http.GetAsync("/openapi/game.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, game.StatusCode);
    }

    private static async Task<HashSet<(string Method, string Path)>> DocumentAsync(GatewayHost host, string name)
    {
        using var response = await host.Operations.GetAsync($"/openapi/{name}.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var operations = new HashSet<(string, string)>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                operations.Add((operation.Name, path.Name));
            }
        }

        return operations;
    }
}
