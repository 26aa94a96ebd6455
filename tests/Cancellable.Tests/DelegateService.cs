namespace OrleansGame.Cancellable.Tests;

/// A service made of two delegates, so each test states its RunAsync inline.
internal sealed class DelegateService<TResult, THandle>(
    Func<CancellationToken, ValueTask<CancellationResult<TResult>>> run,
    Func<THandle> createHandle) : ICancellable<TResult, THandle>
{
    public ValueTask<CancellationResult<TResult>> RunAsync(CancellationToken cancellationToken) => run(cancellationToken);

    public THandle CreateHandle() => createHandle();
}
