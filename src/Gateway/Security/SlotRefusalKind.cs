namespace OrleansGame.Gateway.Security;

/// <summary>The kinds of <see cref="SlotRefusal"/>.</summary>
internal enum SlotRefusalKind
{
    /// <summary>The address holds its share of connections.</summary>
    Full,

    /// <summary>A connection of the address was closed for flooding a moment ago.</summary>
    BackingOff,
}
