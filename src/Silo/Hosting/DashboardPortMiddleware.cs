namespace OrleansGame.Silo.Hosting;

/// <summary>
/// Serves the dashboard's endpoints on the dashboard port alone (404 elsewhere). The port is the socket's, never the
/// <c>Host</c> header, which any client sets.
/// </summary>
internal sealed class DashboardPortMiddleware(RequestDelegate next, int dashboardPort)
{
    /// <summary>Refuses a dashboard request that did not arrive on the dashboard port.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<DashboardEndpointMarker>() is null || context.Connection.LocalPort == dashboardPort)
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
