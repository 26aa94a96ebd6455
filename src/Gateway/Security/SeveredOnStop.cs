namespace OrleansGame.Gateway.Security;

/// <summary>
/// A link in the request pipeline that lets go of the rest of it once the application has stopped. ASP.NET Core's rate
/// limiting middleware never disposes the partitioned limiter it makes, whose timer keeps the middleware, and through
/// its next delegate every middleware after it, the endpoints and the application's services, reachable for the rest
/// of the process (dotnet/aspnetcore#69259). One application per process does not notice; a process that starts and
/// stops many (the test suites) kept every one of them, gigabytes, and paused seconds in each full collection.
/// </summary>
internal sealed class SeveredOnStop
{
    private RequestDelegate? _next;

    private SeveredOnStop(RequestDelegate next, CancellationToken stopped)
    {
        _next = next;
        stopped.Register(static link => ((SeveredOnStop)link!)._next = null, this);
    }

    /// <summary>The middleware: the rest of the pipeline until <paramref name="stopped"/>, nothing after.</summary>
    public static Func<RequestDelegate, RequestDelegate> Until(CancellationToken stopped) =>
        next => new SeveredOnStop(next, stopped).InvokeAsync;

    private Task InvokeAsync(HttpContext context) => Volatile.Read(ref _next) is { } next ? next(context) : Task.CompletedTask;
}
