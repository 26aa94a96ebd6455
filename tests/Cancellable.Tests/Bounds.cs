namespace OrleansGame.Cancellable.Tests;

/// The one bound every wait in these tests uses: generous, so only a real hang fails it.
internal static class Bounds
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// The running test's token, so an aborted test run stops waiting too.
    public static CancellationToken Token => TestContext.Current.CancellationToken;
}
