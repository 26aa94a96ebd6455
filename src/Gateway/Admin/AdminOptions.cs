namespace OrleansGame.Gateway.Admin;

/// <summary>The operations console's keys, bound from the <c>Admin</c> section. None by default: the console refuses everything.</summary>
public sealed class AdminOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Admin";

    /// <summary>The shortest key accepted.</summary>
    public const int MinKeyLength = 32;

    /// <summary>The keys (<c>Admin:Keys:N:Name</c>, <c>:Key</c>, <c>:Role</c>); empty disables the console.</summary>
    public List<AdminKeyOptions> Keys { get; set; } = [];

    /// <summary>The first thing wrong with the keys, or null when they are valid.</summary>
    public string? Validate()
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            var key = Keys[i];
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                return $"Admin:Keys:{i}:Name is required (the audit log records it)";
            }

            if (string.IsNullOrEmpty(key.Key) || key.Key.Length < MinKeyLength)
            {
                return $"Admin:Keys:{i}:Key must be at least {MinKeyLength} characters (openssl rand -base64 32)";
            }

            if (key.ParsedRole is null)
            {
                return $"Admin:Keys:{i}:Role must be ReadOnly or Operator";
            }
        }

        if (Keys.Select(static k => k.Key).Distinct(StringComparer.Ordinal).Count() != Keys.Count)
        {
            return "Admin:Keys: two keys are the same";
        }

        return null;
    }
}
