namespace OrleansGame.Rooms;

/// <summary>A mode's answer to a join attempt: accept, or refuse with a stable code and a message for the player.</summary>
public readonly record struct JoinDecision
{
    private JoinDecision(string? code, string? message) => (Code, Message) = (code, message);

    /// <summary>Lets the player in.</summary>
    public static JoinDecision Accept => default;

    /// <summary>Whether the player may take the seat.</summary>
    public bool Accepted => Code is null;

    /// <summary>The refusal's code (lowercase, stable), or null when accepted.</summary>
    public string? Code { get; }

    /// <summary>The refusal's message, or null when accepted.</summary>
    public string? Message { get; }

    /// <summary>Refuses the player; the join fails with <paramref name="code"/>.</summary>
    public static JoinDecision Refuse(string code, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        return new(code, message);
    }
}
