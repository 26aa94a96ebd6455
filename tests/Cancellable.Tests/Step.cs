namespace OrleansGame.Cancellable.Tests;

/// One scripted RunAsync call: its kind, the item value (negative values are refused by the callback), and
/// whether it yields before acting so both synchronous and asynchronous completions are exercised.
public sealed record Step(StepKind Kind, int Value, bool Yield);
