namespace OrleansGame.Arena;

/// <summary>The codes of the <c>Error</c>s the arena sends when it refuses a member's message.</summary>
public static class ArenaErrorCodes
{
    /// <summary>An <c>Input</c> message broke the rules (non-finite or out-of-range numbers, missing fields).</summary>
    public const string InvalidInput = "invalid_input";

    /// <summary>A <c>Chat</c> message broke the text rules.</summary>
    public const string InvalidChat = "invalid_chat";
}
