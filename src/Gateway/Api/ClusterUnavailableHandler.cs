using Microsoft.AspNetCore.Diagnostics;

namespace OrleansGame.Gateway.Api;

/// <summary>
/// Turns a failure of the cluster behind a request (no silo answers, a grain call times out, grain storage fails) into
/// the documented 503 <c>unavailable</c> problem; any other exception stays a 500 problem.
/// </summary>
internal sealed partial class ClusterUnavailableHandler(ILogger<ClusterUnavailableHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsClusterFailure(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        LogUnavailable(logger, httpContext.Request.Path, exception.GetType().Name, exception.Message);
        httpContext.Response.Headers.RetryAfter = "5";
        await GameProblems.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable, HttpErrorCodes.Unavailable,
            "the game servers cannot answer right now; try again shortly");
        return true;
    }

    /// <summary>
    /// Whether <paramref name="exception"/>, or one it wraps, comes from Orleans or Redis rather than from our own code.
    /// A grain call that fails on the silo with a type this process does not have (the silo's Redis storage exception,
    /// for one) arrives as the <see cref="TypeLoadException"/> Orleans met rebuilding it.
    /// </summary>
    public static bool IsClusterFailure(Exception? exception) => exception switch
    {
        null => false,
        OrleansException or TimeoutException or TypeLoadException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsClusterFailure),
        _ => FromCluster(exception.GetType().Namespace) || IsClusterFailure(exception.InnerException),
    };

    private static bool FromCluster(string? ns) =>
        ns is not null
        && ((ns.StartsWith("Orleans", StringComparison.Ordinal) && !ns.StartsWith("OrleansGame", StringComparison.Ordinal))
            || ns.StartsWith("StackExchange.Redis", StringComparison.Ordinal));

    [LoggerMessage(EventId = 1180, Level = LogLevel.Warning, Message = "Answered {Path} with 503: the cluster failed ({ExceptionType}: {Reason})")]
    private static partial void LogUnavailable(ILogger logger, PathString path, string exceptionType, string reason);
}
