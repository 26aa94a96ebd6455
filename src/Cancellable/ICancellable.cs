namespace OrleansGame.Cancellable;

/// <summary>
/// A service that does its work one unit at a time and can run detached, stopped by a token.
/// Start it with <see cref="Cancellable.Spawn"/> or one of the <c>SpawnWithCallback</c> overloads.
/// </summary>
/// <typeparam name="TResult">What one unit of work yields to the callback.</typeparam>
/// <typeparam name="THandle">What the spawner keeps to talk to the running service (often a channel writer).</typeparam>
public interface ICancellable<TResult, THandle>
{
    /// <summary>
    /// Performs one unit of work. Return <see cref="CancellationResult{T}.Item"/> to report a result,
    /// <see cref="CancellationResult{T}.Continue"/> to keep going, <see cref="CancellationResult{T}.Break"/> to stop
    /// normally, or throw to stop with an error. Never called concurrently with itself or the callback.
    /// </summary>
    /// <param name="cancellationToken">Cancelled when the service must stop; pass it into every wait.</param>
    /// <returns>What this unit of work produced.</returns>
    ValueTask<CancellationResult<TResult>> RunAsync(CancellationToken cancellationToken);

    /// <summary>Creates the spawner's handle; called exactly once, before the first <see cref="RunAsync"/>.</summary>
    /// <returns>The handle exposed as <see cref="CancellableHandle{THandle}.Handle"/>.</returns>
    THandle CreateHandle();
}
