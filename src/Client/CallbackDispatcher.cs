namespace OrleansGame.Client;

/// <summary>
/// Runs user callbacks on the configured <see cref="SynchronizationContext"/> (posted, in arrival order) or inline;
/// a callback's exception goes to <paramref name="failed"/>, never into the connection. Nothing runs once
/// <paramref name="stopped"/> is cancelled.
/// </summary>
internal sealed class CallbackDispatcher(SynchronizationContext? context, CancellationToken stopped, Action<Exception> failed)
{
    public void Run(Action callback)
    {
        if (stopped.IsCancellationRequested)
        {
            return;
        }

        if (context is null)
        {
            Invoke(callback);
        }
        else
        {
            context.Post(static state => ((Work)state!).Run(), new Work(this, callback));
        }
    }

    private void Invoke(Action callback)
    {
        if (stopped.IsCancellationRequested)
        {
            return;
        }

        try
        {
            callback();
        }
#pragma warning disable CA1031 // A handler's failure must not reach the connection's receive loop.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            try
            {
                failed(exception);
            }
#pragma warning disable CA1031
            catch
#pragma warning restore CA1031
            {
                // A failing failure handler has nowhere left to report to.
            }
        }
    }

    private sealed class Work(CallbackDispatcher dispatcher, Action callback)
    {
        public void Run() => dispatcher.Invoke(callback);
    }
}
