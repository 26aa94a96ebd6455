using OrleansGame.Cluster.Tests.Infrastructure;
using OrleansGame.Silo.Tests.Infrastructure;

namespace OrleansGame.Cluster.Tests;

/// <summary>docker-compose.yml is valid and safe by default (checked statically: no Docker daemon needed).</summary>
public sealed class DockerComposeTests
{
    private const string SigningKeyVariable = "GAME_SIGNING_KEY";

    [Fact]
    public async Task Config_OfTheRepositoryComposeFile_IsValid()
    {
        var (exitCode, output) = await ComposeConfigAsync(signingKey: Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + "x", "-q");

        Assert.True(exitCode == 0, $"docker-compose config failed ({exitCode}):\n{output}");
    }

    [Fact]
    public async Task Config_WithoutTheSigningKeyVariable_IsRefusedNamingIt()
    {
        var (exitCode, output) = await ComposeConfigAsync(signingKey: null, "-q");

        Assert.NotEqual(0, exitCode);
        Assert.Contains(SigningKeyVariable, output, StringComparison.Ordinal);
        Assert.Contains("random secret", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_Redis_HasAMemoryCapThatNeverEvicts()
    {
        var (exitCode, output) = await ComposeConfigAsync(signingKey: Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + "x");

        Assert.True(exitCode == 0, output);
        var redis = output[output.IndexOf("  redis:", StringComparison.Ordinal)..];
        Assert.Matches(@"- --maxmemory\s+- \S+", redis);
        Assert.Matches(@"- --maxmemory-policy\s+- noeviction", redis);
    }

    private static async Task<(int ExitCode, string Output)> ComposeConfigAsync(string? signingKey, params string[] extra)
    {
        var executable = Tools.Find("docker-compose")
            ?? throw new InvalidOperationException("docker-compose is not installed: apt-get install docker-compose (test.sh installs it).");
        // Null removes a value the test process may have inherited.
        await using var compose = ChildProcess.Start("docker-compose", executable, ["-f", Path.Combine(BuiltPrograms.RepositoryRoot, "docker-compose.yml"), "config", .. extra],
            new Dictionary<string, string?> { [SigningKeyVariable] = signingKey }, BuiltPrograms.RepositoryRoot);
        var exitCode = await compose.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, compose.Output);
    }
}
