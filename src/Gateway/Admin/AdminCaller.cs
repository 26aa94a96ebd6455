namespace OrleansGame.Gateway.Admin;

/// <summary>Who called the admin API: the name and role of the key they presented.</summary>
/// <param name="Name">The key's holder.</param>
/// <param name="Role">What the key may do.</param>
internal sealed record AdminCaller(string Name, AdminRole Role);
