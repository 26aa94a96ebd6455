using Microsoft.Extensions.Options;

namespace OrleansGame.Gateway.Operations;

/// <summary>The operations listener: a second Kestrel listener for health, readiness, metrics and the dashboard.</summary>
internal static class OperationsExtensions
{
    /// <summary>Validates <see cref="OperationsOptions"/> and adds the operations URL to the listeners next to <c>Urls</c>.</summary>
    public static WebApplicationBuilder AddOperationsListener(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section)
            .Validate(static o => OperationsUrl.TryParsePort(o.Url, out _),
                "Operations:Url must be an absolute http URL with an explicit port, e.g. http://localhost:5001")
            .ValidateOnStart();
        var url = builder.Configuration[$"{OperationsOptions.Section}:{nameof(OperationsOptions.Url)}"] ?? new OperationsOptions().Url;
        if (OperationsUrl.TryParsePort(url, out _))
        {
            var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? "http://localhost:5000";
            builder.WebHost.UseUrls([.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), url]);
        }

        return builder;
    }

    /// <summary>Applies the port rule; goes first, so the game's middleware never sees an operational request.</summary>
    public static WebApplication UseOperationsPort(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<OperationsOptions>>().Value;
        // Validated at start; a bad URL fails there with the message above.
        if (OperationsUrl.TryParsePort(options.Url, out var port))
        {
            app.UseMiddleware<OperationsPortMiddleware>(port.Value);
        }

        return app;
    }

    /// <summary>A group whose endpoints answer on the operations port only.</summary>
    public static RouteGroupBuilder MapOperations(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("");
        group.WithMetadata(OperationsEndpoint.Instance);
        return group;
    }
}
