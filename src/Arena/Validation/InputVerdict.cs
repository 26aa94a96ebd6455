namespace OrleansGame.Arena.Validation;

/// <summary>What to do with an input message.</summary>
public enum InputVerdict
{
    /// <summary>Apply it.</summary>
    Accept,

    /// <summary>Ignore it silently: its sequence is not newer than the last accepted one.</summary>
    Stale,

    /// <summary>Refuse it with an <c>invalid_input</c> error.</summary>
    Reject,
}
