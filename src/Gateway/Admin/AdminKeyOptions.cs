namespace OrleansGame.Gateway.Admin;

/// <summary>One admin key: who holds it (the name the audit log records) and its role.</summary>
public sealed class AdminKeyOptions
{
    /// <summary>Who holds the key; recorded with every action. Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>The secret, sent in the <c>X-Admin-Key</c> header; at least 32 characters. Required.</summary>
    public string Key { get; set; } = "";

    /// <summary>What the key may do: <c>ReadOnly</c> (the default) or <c>Operator</c>.</summary>
    public string Role { get; set; } = nameof(AdminRole.ReadOnly);

    /// <summary>The role <see cref="Role"/> names, or null when it names none.</summary>
    public AdminRole? ParsedRole =>
        Enum.GetNames<AdminRole>().FirstOrDefault(n => string.Equals(n, Role?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<AdminRole>(name)
            : null;
}
