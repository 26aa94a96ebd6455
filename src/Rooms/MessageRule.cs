namespace OrleansGame.Rooms;

/// <summary>
/// A message type a mode accepts from clients, with its limits: the gateway refuses a larger payload with
/// <c>message_too_large</c> and meters the type with its own token bucket (over it: <c>rate_limited</c>, then
/// <c>Closing{flood}</c>), all before the room sees anything. The room reads the payload into
/// <see cref="PayloadType"/>; one that does not fit is refused with <see cref="InvalidCode"/>.
/// </summary>
public sealed record MessageRule
{
    /// <summary>Declares a message type.</summary>
    /// <param name="type">The type's name: 1 to 32 characters of letters, digits, <c>_</c> and <c>-</c>.</param>
    /// <param name="payloadType">The class its JSON payload is read into.</param>
    /// <param name="maxBytes">The largest payload, in bytes of its JSON text (1 to 4096).</param>
    /// <param name="perSecond">Messages a second a connection may send (1 to 1000).</param>
    /// <param name="burst">How many it may send at once above the rate (1 to 1000).</param>
    public MessageRule(string type, Type payloadType, int maxBytes, int perSecond, int burst)
    {
        if (!ModeNames.IsValid(type))
        {
            throw new ArgumentException($"'{type}' is not a message type: use 1 to 32 letters, digits, '_' or '-'", nameof(type));
        }

        ArgumentNullException.ThrowIfNull(payloadType);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBytes, MaxPayloadBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perSecond, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(burst, 1000);
        (Type, PayloadType, MaxBytes, PerSecond, Burst) = (type, payloadType, maxBytes, perSecond, burst);
    }

    /// <summary>The largest payload any message type may allow: the hub's largest message (4 KB).</summary>
    public const int MaxPayloadBytes = 4096;

    /// <summary>The type's name, as clients send it.</summary>
    public string Type { get; }

    /// <summary>The class the payload is read into.</summary>
    public Type PayloadType { get; }

    /// <summary>The largest payload in bytes of JSON text.</summary>
    public int MaxBytes { get; }

    /// <summary>Messages a second per connection.</summary>
    public int PerSecond { get; }

    /// <summary>The bucket's burst.</summary>
    public int Burst { get; }

    /// <summary>The error code for a payload that cannot be read into <see cref="PayloadType"/>. Default <c>invalid_argument</c>.</summary>
    public string InvalidCode { get; init; } = "invalid_argument";

    /// <summary>Declares a message type whose payload is read into <typeparamref name="T"/>.</summary>
    public static MessageRule For<T>(string type, int maxBytes, int perSecond, int burst)
        where T : class => new(type, typeof(T), maxBytes, perSecond, burst);
}
