namespace OrleansGame.Gateway.Admin;

/// <summary>One admin key: who holds it (the name the audit log records) and its role.</summary>
public sealed class AdminKeyOptions
{
    /// <summary>Who holds the key; recorded with every action. Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>The secret, sent in the <c>X-Admin-Key</c> header; at least 32 characters. Required.</summary>
    public string Key { get; set; } = "";

    /// <summary>What the key may do; default <see cref="AdminRole.ReadOnly"/>.</summary>
    public AdminRole Role { get; set; } = AdminRole.ReadOnly;
}
