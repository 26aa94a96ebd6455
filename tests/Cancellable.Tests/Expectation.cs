namespace OrleansGame.Cancellable.Tests;

/// What the model says a step script must produce.
internal sealed record Expectation(
    CancellableOutcome Outcome, IReadOnlyList<int> Callbacks, int? RefusedItem, int RunCount, int? FailedAtStep);
