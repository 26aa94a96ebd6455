using Microsoft.Extensions.Logging;

namespace OrleansGame.Grains;

/// <summary>
/// Pushing to a connection's observer from a grain. Observer methods are one-way, so nothing is awaited: a slow
/// or dead connection can never hold up the grain, and a failure is logged and affects only that connection.
/// </summary>
internal static partial class ObserverPush
{
    /// <summary>Invokes <paramref name="send"/> on <paramref name="target"/>, logging instead of throwing.</summary>
    public static void Send<TTarget, T>(ILogger logger, TTarget target, T payload, Func<TTarget, T, Task> send)
        where TTarget : IGrainObserver
    {
        try
        {
            var task = send(target, payload);
            if (!task.IsCompletedSuccessfully)
            {
                _ = task.ContinueWith(
                    static (t, state) => LogPushFailed((ILogger)state!, t.Exception),
                    logger,
                    CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }
        catch (Exception ex)
        {
            LogPushFailed(logger, ex);
        }
    }
}
