using OrleansGame.Cluster.Tests.Infrastructure;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Cluster.Tests;

/// <summary>docker-compose.yml is valid (checked statically: no Docker daemon needed).</summary>
public sealed class DockerComposeTests
{
    [Fact]
    public async Task Config_OfTheRepositoryComposeFile_IsValid()
    {
        var executable = Tools.Find("docker-compose")
            ?? throw new InvalidOperationException("docker-compose is not installed: apt-get install docker-compose (test.sh installs it).");
        await using var compose = ChildProcess.Start("docker-compose", executable, ["-f", Path.Combine(BuiltPrograms.RepositoryRoot, "docker-compose.yml"), "config", "-q"],
            new Dictionary<string, string?>(), BuiltPrograms.RepositoryRoot);

        var exitCode = await compose.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"docker-compose config failed ({exitCode}):\n{compose.Output}");
    }
}
