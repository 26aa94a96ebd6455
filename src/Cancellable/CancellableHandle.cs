using System.Runtime.CompilerServices;

namespace OrleansGame.Cancellable;

/// <summary>
/// The spawner's side of a running service: its <see cref="Handle"/>, a way to stop it, and its completion.
/// Awaiting the handle awaits <see cref="Completion"/>.
/// </summary>
/// <typeparam name="THandle">The type the service created with <see cref="ICancellable{TResult, THandle}.CreateHandle"/>.</typeparam>
public sealed class CancellableHandle<THandle> : IAsyncDisposable
{
    // Never disposed on purpose: it has no timer and no wait handle, so disposing frees nothing, and leaving it
    // alive makes Cancel() safe to call at any time, even racing with the end of the service.
    private readonly CancellationTokenSource _cancellation = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _parentRegistration;
    private object? _refusedItem;
    private object? _abandonedItem;
    private int _outcome;

    internal CancellableHandle(THandle handle, CancellationToken parentToken)
    {
        Handle = handle;
        // The link to the parent is a registration we drop when the service ends, so a long-lived parent token
        // does not accumulate one callback per finished child.
        _parentRegistration = parentToken.UnsafeRegister(
            static state => ((CancellableHandle<THandle>)state!).Cancel(), this);
    }

    /// <summary>Gets the handle the service created; it was created exactly once, before the service started.</summary>
    public THandle Handle { get; }

    /// <summary>
    /// Gets a task that completes when the service has ended: successfully for <see cref="CancellableOutcome.Completed"/>,
    /// <see cref="CancellableOutcome.Cancelled"/> and <see cref="CancellableOutcome.Refused"/>, faulted with the
    /// service's or the callback's exception for <see cref="CancellableOutcome.Failed"/>. A fault here is never
    /// reported as an unobserved task exception.
    /// </summary>
    public Task Completion => _completion.Task;

    /// <summary>Gets how the service ended, or <see cref="CancellableOutcome.Running"/> while it runs.</summary>
    public CancellableOutcome Outcome => (CancellableOutcome)Volatile.Read(ref _outcome);

    /// <summary>Gets the item the callback refused when <see cref="Outcome"/> is <see cref="CancellableOutcome.Refused"/>; otherwise <see langword="null"/>.</summary>
    public object? RefusedItem => Volatile.Read(ref _refusedItem);

    /// <summary>
    /// Gets the item the service produced just as it was cancelled, when <see cref="Outcome"/> is
    /// <see cref="CancellableOutcome.Cancelled"/>: cancellation won, so no callback saw it. Otherwise <see langword="null"/>.
    /// </summary>
    public object? AbandonedItem => Volatile.Read(ref _abandonedItem);

    /// <summary>Gets the token the service runs under: cancelled by <see cref="Cancel"/> or by the parent token.</summary>
    internal CancellationToken Token => _cancellation.Token;

    /// <summary>Stops this service only; siblings spawned under the same parent token keep running. Safe to call more than once.</summary>
    public void Cancel() => _cancellation.Cancel();

    /// <summary>Gets an awaiter for <see cref="Completion"/>, so that <c>await handle</c> waits for the service to end.</summary>
    /// <returns>The awaiter of <see cref="Completion"/>.</returns>
    public TaskAwaiter GetAwaiter() => Completion.GetAwaiter();

    /// <summary>Configures how awaiting <see cref="Completion"/> resumes.</summary>
    /// <param name="continueOnCapturedContext">Whether to resume on the captured context.</param>
    /// <returns>A configured awaitable for <see cref="Completion"/>.</returns>
    public ConfiguredTaskAwaitable ConfigureAwait(bool continueOnCapturedContext) =>
        Completion.ConfigureAwait(continueOnCapturedContext);

    /// <summary>Cancels the service and waits for it to end. Never throws the service's exception; read <see cref="Completion"/> for it.</summary>
    /// <returns>A task that completes when the service has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        Cancel();
        await Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Records how the service ended and completes <see cref="Completion"/>; called once, by the service loop.</summary>
    internal void Finish(CancellableOutcome outcome, object? refusedItem, object? abandonedItem, Exception? exception)
    {
        _parentRegistration.Unregister();
        Volatile.Write(ref _refusedItem, refusedItem);
        Volatile.Write(ref _abandonedItem, abandonedItem);
        Volatile.Write(ref _outcome, (int)outcome);
        if (exception is null)
        {
            _completion.SetResult();
            return;
        }

        _completion.SetException(exception);
        // Reading Exception marks the fault as observed; awaiting the handle still throws it.
        _ = _completion.Task.Exception;
    }
}
