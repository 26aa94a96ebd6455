namespace OrleansGame.Gateway.Operations;

/// <summary>
/// Keeps the two listeners apart: an operational endpoint answers only on the operations port, and that port answers
/// nothing else (404). The port a request came in on is the socket's, not the <c>Host</c> header, which any client sets.
/// </summary>
internal sealed class OperationsPortMiddleware(RequestDelegate next, int operationsPort)
{
    /// <summary>Lets the request through when its endpoint belongs on the port it arrived at.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var operational = context.GetEndpoint()?.Metadata.GetMetadata<OperationsEndpoint>() is not null;
        var onOperationsPort = context.Connection.LocalPort == operationsPort;
        if (operational == onOperationsPort)
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
