using Microsoft.Extensions.Options;
using OrleansGame.Gateway.Api;

namespace OrleansGame.Gateway.Security;

/// <summary>Refuses (403) a browser request whose <c>Origin</c> is neither the gateway's own nor configured; requests without one pass.</summary>
internal sealed partial class OriginPolicyMiddleware(RequestDelegate next, IOptions<OriginOptions> options, ILogger<OriginPolicyMiddleware> logger)
{
    private readonly HashSet<string> _allowed = new(options.Value.AllowedOrigins.Select(static o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks the request's origin.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin;
        if (origin.Count == 0 || IsAllowed(context.Request, origin.ToString()))
        {
            return next(context);
        }

        LogOriginRefused(logger, origin.ToString(), context.Request.Path);
        return GameProblems.WriteAsync(context, StatusCodes.Status403Forbidden, HttpErrorCodes.OriginNotAllowed, "this origin may not use the game server");
    }

    private bool IsAllowed(HttpRequest request, string origin) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase) || _allowed.Contains(origin);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Refused a request from origin {Origin} to {Path}")]
    private static partial void LogOriginRefused(ILogger logger, string origin, PathString path);
}
