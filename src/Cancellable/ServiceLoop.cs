namespace OrleansGame.Cancellable;

/// <summary>The detached loop that drives one service until it breaks, fails, is refused or is cancelled.</summary>
internal static class ServiceLoop
{
    public static CancellableHandle<THandle> Start<TResult, THandle>(
        ICancellable<TResult, THandle> service,
        CancellationToken cancellationToken,
        Func<TResult, CancellationToken, ValueTask<bool>>? callback)
    {
        ArgumentNullException.ThrowIfNull(service);
        var handle = new CancellableHandle<THandle>(service.CreateHandle(), cancellationToken);
        // Task.Run keeps even a synchronous RunAsync off the caller's thread. The loop catches everything and
        // reports through the handle, which owns the outcome; the returned task itself can never fault.
        _ = Task.Run(() => RunAsync(service, callback, handle), CancellationToken.None);
        return handle;
    }

    private static async Task RunAsync<TResult, THandle>(
        ICancellable<TResult, THandle> service,
        Func<TResult, CancellationToken, ValueTask<bool>>? callback,
        CancellableHandle<THandle> handle)
    {
        var token = handle.Token;
        var outcome = CancellableOutcome.Cancelled;
        object? refused = null;
        object? abandoned = null;
        Exception? failure = null;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var result = await service.RunAsync(token).ConfigureAwait(false);
                // Cancellation wins over a result that arrived at the same time: no callback after cancel. The item
                // that lost is kept on the handle, so whoever spawned the service can still answer for it.
                if (token.IsCancellationRequested)
                {
                    abandoned = result.Kind == CancellationResultKind.Item ? result.Value : null;
                    break;
                }

                if (result.Kind == CancellationResultKind.Break)
                {
                    outcome = CancellableOutcome.Completed;
                    break;
                }

                if (result.Kind == CancellationResultKind.Item && callback is not null
                    && !await callback(result.Value, token).ConfigureAwait(false))
                {
                    outcome = CancellableOutcome.Refused;
                    refused = result.Value;
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            outcome = CancellableOutcome.Cancelled;
        }
        catch (Exception exception)
        {
            outcome = CancellableOutcome.Failed;
            failure = exception;
        }

        handle.Finish(outcome, refused, abandoned, failure);
    }
}
