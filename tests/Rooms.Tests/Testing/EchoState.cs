namespace OrleansGame.Rooms.Tests.Testing;

/// <summary>What <see cref="EchoMode"/> remembers: the seed it was created with, what happened, and lines per player.</summary>
public sealed class EchoState
{
    public ulong Seed { get; set; }

    public List<string> Events { get; set; } = [];

    public Dictionary<string, int> Lines { get; set; } = [];
}
