using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Cluster.Tests.Infrastructure;

/// <summary>One process of the cluster: keeps its ports across restarts.</summary>
public sealed class Member(string name)
{
    /// <summary>silo1, gateway2, ...</summary>
    public string Name { get; } = name;

    /// <summary>The ports it was given at first start (HTTP first).</summary>
    public int[]? Ports { get; set; }

    /// <summary>The port of its operational endpoints (/metrics, health): a silo's HTTP port, a gateway's operations port.</summary>
    public int OperationsPort { get; set; }

    /// <summary>The running process, if any.</summary>
    public ChildProcess? Process { get; set; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
