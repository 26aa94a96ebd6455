using OrleansGame.Gateway.Operations;

namespace OrleansGame.Gateway.Api;

/// <summary><c>/healthz</c> (the process is up) and <c>/readyz</c> (the cluster answers), on the operations port.</summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Maps the health endpoints, on the operations port.</summary>
    public static void MapHealth(this IEndpointRouteBuilder endpoints)
    {
        var operations = endpoints.MapOperations();
        operations.MapGet("/healthz", () => TypedResults.Ok(new { status = "up" })).AllowAnonymous();
        operations.MapGet("/readyz", ReadyAsync).AllowAnonymous();
    }

    private static async Task<IResult> ReadyAsync(IGrainFactory grains, CancellationToken cancellationToken)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(ProbeTimeout, cancellationToken);
            if (hosts.Count > 0)
            {
                return TypedResults.Ok(new { status = "ready", silos = hosts.Count });
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return GameProblems.Result(StatusCodes.Status503ServiceUnavailable, HttpErrorCodes.Unavailable, "the cluster cannot be reached");
        }

        return GameProblems.Result(StatusCodes.Status503ServiceUnavailable, HttpErrorCodes.Unavailable, "the cluster has no active silo");
    }
}
