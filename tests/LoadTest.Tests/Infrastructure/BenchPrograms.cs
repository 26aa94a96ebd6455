using System.Reflection;

namespace OrleansGame.LoadTest.Tests.Infrastructure;

/// <summary>Where the build put the load test, the bare hub and the gateway (from assembly metadata).</summary>
public static class BenchPrograms
{
    /// <summary>The load test's OrleansGame.LoadTest.dll (coordinator and workers).</summary>
    public static string LoadTestDll => Built("LoadTestDll");

    /// <summary>The bare hub's OrleansGame.BareHub.dll.</summary>
    public static string BareHubDll => Built("BareHubDll");

    /// <summary>The gateway's OrleansGame.Gateway.dll.</summary>
    public static string GatewayDll => Built("GatewayDll");

    private static string Built(string key)
    {
        var path = typeof(BenchPrograms).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
            ?? throw new InvalidOperationException($"the build did not record {key}");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{key} does not exist: {path}");
    }
}
