namespace OrleansGame.Cancellable;

/// <summary>Starts <see cref="ICancellable{TResult, THandle}"/> services as detached, cancellable loops.</summary>
public static class Cancellable
{
    /// <summary>Starts the service detached, accepting and discarding every item it produces.</summary>
    /// <typeparam name="TResult">What one unit of work yields.</typeparam>
    /// <typeparam name="THandle">The spawner's handle type.</typeparam>
    /// <param name="service">The service to run; its <c>CreateHandle</c> is called once, before this method returns.</param>
    /// <param name="cancellationToken">The parent token: cancelling it stops the service.</param>
    /// <returns>The handle of the running service.</returns>
    public static CancellableHandle<THandle> Spawn<TResult, THandle>(
        this ICancellable<TResult, THandle> service, CancellationToken cancellationToken) =>
        ServiceLoop.Start(service, cancellationToken, callback: null);

    /// <summary>Starts the service detached, handing each item to a synchronous callback in the order produced.</summary>
    /// <typeparam name="TResult">What one unit of work yields.</typeparam>
    /// <typeparam name="THandle">The spawner's handle type.</typeparam>
    /// <param name="service">The service to run; its <c>CreateHandle</c> is called once, before this method returns.</param>
    /// <param name="cancellationToken">The parent token: cancelling it stops the service.</param>
    /// <param name="callback">Returns <see langword="true"/> to accept the item, <see langword="false"/> to refuse it and stop the service.</param>
    /// <returns>The handle of the running service.</returns>
    public static CancellableHandle<THandle> SpawnWithCallback<TResult, THandle>(
        this ICancellable<TResult, THandle> service, CancellationToken cancellationToken, Func<TResult, bool> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return ServiceLoop.Start(service, cancellationToken, (item, _) => new ValueTask<bool>(callback(item)));
    }

    /// <summary>
    /// Starts the service detached, handing each item to an asynchronous callback in the order produced; the callback
    /// is awaited before the next unit of work starts.
    /// </summary>
    /// <typeparam name="TResult">What one unit of work yields.</typeparam>
    /// <typeparam name="THandle">The spawner's handle type.</typeparam>
    /// <param name="service">The service to run; its <c>CreateHandle</c> is called once, before this method returns.</param>
    /// <param name="cancellationToken">The parent token: cancelling it stops the service.</param>
    /// <param name="callback">
    /// Receives the item and the service's token; returns <see langword="true"/> to accept the item,
    /// <see langword="false"/> to refuse it and stop the service.
    /// </param>
    /// <returns>The handle of the running service.</returns>
    public static CancellableHandle<THandle> SpawnWithCallback<TResult, THandle>(
        this ICancellable<TResult, THandle> service,
        CancellationToken cancellationToken,
        Func<TResult, CancellationToken, ValueTask<bool>> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return ServiceLoop.Start(service, cancellationToken, callback);
    }
}
