using OrleansGame.Gateway.Operations;

namespace OrleansGame.Gateway.Admin;

/// <summary>
/// The console's page: <c>/admin</c> and its scripts, embedded in the gateway and served on the operations port only,
/// with the browser game's renderer (<c>/admin/game/*.js</c>, the same modules the game page is built from).
/// </summary>
internal static class AdminPage
{
    private static readonly Dictionary<string, (string Resource, string ContentType)> Files = new(StringComparer.Ordinal)
    {
        ["index.html"] = ("admin/index.html", "text/html; charset=utf-8"),
        ["console.js"] = ("admin/console.js", "text/javascript; charset=utf-8"),
        ["console.css"] = ("admin/console.css", "text/css; charset=utf-8"),
        ["game/render.js"] = ("admin/game/render.js", "text/javascript; charset=utf-8"),
        ["game/dom.js"] = ("admin/game/dom.js", "text/javascript; charset=utf-8"),
    };

    /// <summary>Maps <c>GET /admin</c> and <c>GET /admin/{file}</c>.</summary>
    public static void MapAdminPage(this IEndpointRouteBuilder endpoints)
    {
        var page = endpoints.MapOperations().ExcludeFromDescription();
        page.MapGet("/admin", () => Serve("index.html"));
        page.MapGet("/admin/{**file}", (string file) => Serve(file));
    }

    private static IResult Serve(string file)
    {
        if (!Files.TryGetValue(file, out var entry)
            || typeof(AdminPage).Assembly.GetManifestResourceStream(entry.Resource) is not { } stream)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Stream(stream, entry.ContentType);
    }
}
