namespace OrleansGame.Cancellable;

/// <summary>How a spawned service ended, or that it has not ended yet.</summary>
public enum CancellableOutcome
{
    /// <summary>The service is still running.</summary>
    Running,

    /// <summary>The service returned <see cref="CancellationResultKind.Break"/>.</summary>
    Completed,

    /// <summary>The service stopped because its own or its parent's token was cancelled.</summary>
    Cancelled,

    /// <summary>The service or its callback threw; <see cref="CancellableHandle{THandle}.Completion"/> holds the exception.</summary>
    Failed,

    /// <summary>The callback refused an item; <see cref="CancellableHandle{THandle}.RefusedItem"/> holds it.</summary>
    Refused,
}
