using System.Reflection;

namespace OrleansGame.Cluster.Tests.Infrastructure;

/// <summary>Where the build put the silo and gateway programs and where the repository is (from assembly metadata).</summary>
public static class BuiltPrograms
{
    /// <summary>The silo's OrleansGame.Silo.dll.</summary>
    public static string SiloDll => Existing("SiloDll");

    /// <summary>The gateway's OrleansGame.Gateway.dll.</summary>
    public static string GatewayDll => Existing("GatewayDll");

    /// <summary>The repository root (deploy/nginx, docker-compose.yml).</summary>
    public static string RepositoryRoot => Existing("RepositoryRoot");

    /// <summary>The existing file or folder the build recorded under <paramref name="key"/> in this test assembly.</summary>
    public static string Existing(string key)
    {
        var value = typeof(BuiltPrograms).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
            ?? throw new InvalidOperationException($"the build did not record {key}");
        return File.Exists(value) || Directory.Exists(value) ? value : throw new InvalidOperationException($"{key} does not exist: {value}");
    }
}
