namespace OrleansGame.Cancellable.Tests;

/// What one scripted RunAsync call does in the property test.
public enum StepKind
{
    Item,
    Refuse,
    Continue,
    Break,
    Throw,
    ThrowSync,
    Cancel,
    CancelThenItem,
}
